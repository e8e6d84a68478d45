export {
  DossierCodeAllocator,
  DossierCodeError,
  blockOfKiosk,
  dossierCodeConfigSchema,
  parseDossierCode,
  vietnamDayStamp,
  type DossierCodeConfig,
  type ParsedDossierCode,
  type SequenceBlock,
} from './dossier-code';
export { classifyQr, type ClassifiedQr } from './classify-qr';
export {
  formatReceiptQr,
  parseReceiptQr,
  RECEIPT_QR_PREFIX,
  type ReceiptQrData,
} from './receipt-qr';
export { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';
