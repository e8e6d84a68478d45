import { DeviceError } from '@kiosk/device';

/** Stable codes for QR payloads the kiosk cannot use; the UI translates the code. */
export type QrErrorCode =
  /** Not text a CCCD or one of our receipts would carry (control characters, too long, empty). */
  | 'QR_FORMAT'
  /** A CCCD payload with a number of `|` fields no card generation uses. */
  | 'QR_FIELD_COUNT'
  /** The personal ID is not 12 digits, or the old ID is not 9 or 12 digits. */
  | 'QR_ID'
  | 'QR_NAME'
  /** A date that is not `ddmmyyyy`, does not exist, or is out of order (issued before birth). */
  | 'QR_DATE'
  /** Sex is neither `Nam` nor `Nữ`. */
  | 'QR_SEX'
  | 'QR_ADDRESS'
  /** A receipt QR whose dossier code is not `<unit>-YYMMDD-NNNN`. */
  | 'QR_DOSSIER_CODE';

export class QrError extends DeviceError<QrErrorCode> {
  constructor(
    code: QrErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }
}

export function isQrError(value: unknown, code?: QrErrorCode): value is QrError {
  return value instanceof QrError && (code === undefined || value.code === code);
}
