import { DeviceError } from '@kiosk/device';

/**
 * Every failure of the chip driver is one of these codes, so the kiosk flow can choose what to
 * do (retry, ask for another key, tell the citizen to leave the card on the reader).
 */
export type IdCardErrorCode =
  | 'PCSC_UNAVAILABLE'
  | 'READER_GONE'
  | 'NO_CARD'
  | 'CARD_REMOVED'
  | 'CARD_TIMEOUT'
  | 'CARD_IO'
  | 'CHIP_ACCESS_DENIED'
  | 'NO_ACCESS_KEY'
  | 'SM_MAC_INVALID'
  | 'SM_PROTOCOL'
  | 'APDU_STATUS'
  | 'APDU_MALFORMED'
  | 'FILE_NOT_FOUND'
  | 'TLV_MALFORMED'
  | 'LDS_MALFORMED'
  | 'LDS_FILE_TOO_LARGE'
  | 'SOD_MALFORMED'
  | 'TRUST_STORE_INVALID'
  | 'MRZ_INVALID'
  | 'PACE_UNSUPPORTED'
  | 'INVALID_ARGUMENT';

export class IdCardError extends DeviceError<IdCardErrorCode> {
  constructor(code: IdCardErrorCode, message: string, options?: { cause?: unknown; sw?: number }) {
    super(code, message, options);
    this.sw = options?.sw;
  }

  /** The ISO 7816-4 status word when the card answered with an error. */
  readonly sw: number | undefined;
}

export function isIdCardError(value: unknown, code?: IdCardErrorCode): value is IdCardError {
  return value instanceof IdCardError && (code === undefined || value.code === code);
}
