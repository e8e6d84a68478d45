import { DeviceError } from '@kiosk/device';

/**
 * Stable codes for everything that can go wrong with a machine-readable zone, from text to serial
 * frames to camera OCR. The UI translates the code; the message is for technicians.
 */
export type MrzErrorCode =
  /** A line has the wrong number of characters, or there are too many or too few lines. */
  | 'MRZ_LENGTH'
  /** Characters outside `A-Z 0-9 <`, or a field that breaks its layout (letters in a date...). */
  | 'MRZ_FORMAT'
  /** A check digit (ICAO 9303-3 §4.9) does not match its field. */
  | 'MRZ_CHECK_DIGIT'
  /** A date that does not exist (30 February) or a birth date in the future. */
  | 'MRZ_DATE'
  /** OCR correction found more than one reading that passes every check digit. */
  | 'MRZ_AMBIGUOUS'
  /** A Vietnamese CCCD whose document number and personal ID disagree. */
  | 'MRZ_CCCD_MISMATCH'
  /** A serial frame ended early or held something that is not an MRZ. */
  | 'MRZ_FRAME_TRUNCATED'
  | 'MRZ_FRAME_GARBAGE'
  /** The serial reader is unplugged or cannot be opened. */
  | 'MRZ_READER_OFFLINE'
  /** Camera OCR could not find or read an MRZ band. */
  | 'MRZ_OCR_NOT_FOUND'
  | 'MRZ_OCR_UNAVAILABLE';

export class MrzError extends DeviceError<MrzErrorCode> {
  constructor(
    code: MrzErrorCode,
    message: string,
    readonly detail?: { readonly line?: number; readonly column?: number; readonly field?: string },
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export function isMrzError(value: unknown, code?: MrzErrorCode): value is MrzError {
  return value instanceof MrzError && (code === undefined || value.code === code);
}
