export { crc16CcittFalse, crc16Hex } from './crc16-ccitt-false';
export { decodeDataObjects, encodeDataObjects } from './emv-tlv';
export type { EmvDataObject } from './emv-tlv';
export {
  decodeVietQr,
  encodeVietQr,
  NAPAS_GUID,
  SERVICE_CODE_TRANSFER_TO_ACCOUNT,
} from './vietqr-payload';
export type { DecodedVietQr, VietQrTransfer } from './vietqr-payload';
export { VietQrError } from './vietqr-error';
export type { VietQrErrorCode } from './vietqr-error';
