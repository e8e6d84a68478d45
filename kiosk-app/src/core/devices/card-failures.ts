import { isIdCardError, type IdCardErrorCode } from '@kiosk/id-card';
import { isQrError } from '@kiosk/id-card/qr';
import { isMrzError } from '@kiosk/mrz';
import type { JourneyErrorCode } from '@kiosk/protocol';
import { JourneyFailure } from '../ports';

/** What the citizen can do about each driver failure decides the journey error it becomes. */
const JOURNEY_CODE: Readonly<Partial<Record<IdCardErrorCode, JourneyErrorCode>>> = {
  // Leave the card on the reader.
  CARD_REMOVED: 'CARD_REMOVED',
  NO_CARD: 'CARD_REMOVED',
  // Show the MRZ or the QR again (the keys did not open the chip).
  CHIP_ACCESS_DENIED: 'CARD_ACCESS_DENIED',
  NO_ACCESS_KEY: 'CARD_ACCESS_DENIED',
  MRZ_INVALID: 'MRZ_INVALID',
  // Use another method; the technician is told by the device status.
  PCSC_UNAVAILABLE: 'CARD_READER_UNAVAILABLE',
  READER_GONE: 'CARD_READER_UNAVAILABLE',
};

/**
 * The journey error for anything a document read threw. The detail is for the technician: the
 * driver's code and status word, never the message (which may name the reader or a file).
 */
export function journeyFailureOf(error: unknown): JourneyFailure {
  if (error instanceof JourneyFailure) return error;
  if (isIdCardError(error)) {
    const sw = error.sw === undefined ? '' : ` sw=${error.sw.toString(16).padStart(4, '0')}`;
    return new JourneyFailure({
      code: JOURNEY_CODE[error.code] ?? 'CARD_READ_FAILED',
      detail: `${error.code}${sw}`,
    });
  }
  if (isQrError(error)) return new JourneyFailure({ code: 'QR_INVALID', detail: error.code });
  if (isMrzError(error)) return new JourneyFailure({ code: 'MRZ_INVALID', detail: error.code });
  return new JourneyFailure({
    code: 'CARD_READ_FAILED',
    detail: error instanceof Error ? error.name : 'unknown failure',
  });
}
