export { QrError, isQrError, type QrErrorCode } from './qr-error';
export {
  parseCccdQr,
  formatCccdQr,
  type CccdQrData,
  type CccdQrFields,
  type CccdQrGeneration,
  type ParseCccdQrOptions,
} from './cccd-qr';
export { parseDossierCode, type DossierCode } from './dossier-code';
export {
  parseReceiptQr,
  formatReceiptQr,
  RECEIPT_QR_PREFIX,
  type ReceiptQrData,
} from './receipt-qr';
export { classifyQr, type ClassifiedQr } from './classify-qr';
export { normaliseVietnamese } from './vietnamese-text';
