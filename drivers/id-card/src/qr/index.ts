export { QrError, isQrError, type QrErrorCode } from './qr-error';
export {
  parseCccdQr,
  formatCccdQr,
  type CccdQrData,
  type CccdQrFields,
  type CccdQrGeneration,
  type ParseCccdQrOptions,
} from './cccd-qr';
export { normaliseVietnamese } from './vietnamese-text';
