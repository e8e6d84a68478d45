export {
  DossierCodeAllocator,
  DossierCodeError,
  blockOfKiosk,
  dossierCodeConfigSchema,
  vietnamDayStamp,
  type DossierCodeConfig,
  type SequenceBlock,
} from './dossier-code';
export {
  isDossierCode,
  parseDossierCode,
  UNIT_CODE_PATTERN,
  type DossierCode,
} from './dossier-code-format';
export { classifyQr, type ClassifiedQr } from './classify-qr';
export {
  formatReceiptQr,
  parseReceiptQr,
  RECEIPT_QR_PREFIX,
  type ReceiptQrData,
} from './receipt-qr';
export { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';
