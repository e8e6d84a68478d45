/** Why a VietQR payload could not be built or read; `code` is stable, `message` is for technicians. */
export type VietQrErrorCode =
  | 'EMV_TLV_MALFORMED'
  | 'EMV_TLV_DUPLICATE_TAG'
  | 'EMV_CRC_MISSING'
  | 'EMV_CRC_MISMATCH'
  | 'EMV_FIELD_MISSING'
  | 'EMV_FIELD_INVALID'
  | 'VIETQR_NOT_NAPAS'
  | 'VIETQR_VALUE_INVALID';

export class VietQrError extends Error {
  override readonly name = 'VietQrError';

  constructor(
    readonly code: VietQrErrorCode,
    message: string,
  ) {
    super(message);
  }
}
