import { IdCardError } from '@kiosk/id-card';
import { QrError } from '@kiosk/id-card/qr';
import { MrzError } from '@kiosk/mrz';
import { describe, expect, it } from 'vitest';
import { JourneyFailure } from '../ports';
import { journeyFailureOf } from './card-failures';

describe('journeyFailureOf', () => {
  it.each([
    ['CARD_REMOVED', 'CARD_REMOVED'],
    ['NO_CARD', 'CARD_REMOVED'],
    ['CHIP_ACCESS_DENIED', 'CARD_ACCESS_DENIED'],
    ['NO_ACCESS_KEY', 'CARD_ACCESS_DENIED'],
    ['PCSC_UNAVAILABLE', 'CARD_READER_UNAVAILABLE'],
    ['READER_GONE', 'CARD_READER_UNAVAILABLE'],
    ['MRZ_INVALID', 'MRZ_INVALID'],
    ['SM_MAC_INVALID', 'CARD_READ_FAILED'],
    ['LDS_MALFORMED', 'CARD_READ_FAILED'],
  ] as const)('%s becomes %s', (driver, journey) => {
    expect(journeyFailureOf(new IdCardError(driver, 'x')).error.code).toBe(journey);
  });

  it('gives the technician the code and status word, not the message', () => {
    const failure = journeyFailureOf(
      new IdCardError('APDU_STATUS', 'reader Foo said no', { sw: 0x6982 }),
    );
    expect(failure.error).toEqual({ code: 'CARD_READ_FAILED', detail: 'APDU_STATUS sw=6982' });
  });

  it('maps QR and MRZ errors, passes journey failures through, hides unknown messages', () => {
    expect(journeyFailureOf(new QrError('QR_DATE', 'bad')).error.code).toBe('QR_INVALID');
    expect(journeyFailureOf(new MrzError('MRZ_CHECK_DIGIT', 'bad')).error.code).toBe('MRZ_INVALID');
    const own = new JourneyFailure({ code: 'CARD_REMOVED' });
    expect(journeyFailureOf(own)).toBe(own);
    expect(journeyFailureOf(new Error('Nguyễn Văn A 012345678901')).error).toEqual({
      code: 'CARD_READ_FAILED',
      detail: 'Error',
    });
  });
});
