export {
  isWebAddress,
  NATIONAL_PROCEDURE_CODE,
  parseProcedureQr,
  procedurePortalUrl,
  ProcedureQrError,
  type ProcedureQr,
  type ProcedureQrErrorCode,
} from './procedure-qr';
