import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthDateFromMrz, expiryDateFromMrz, isIsoCalendarDate, isoToMrzDate } from './mrz-date';

const today = new Date(Date.UTC(2026, 10, 28));

describe('MRZ dates and the century rule', () => {
  it('puts birth dates in the past', () => {
    expect(birthDateFromMrz('900101', { today })).toBe('1990-01-01');
    expect(birthDateFromMrz('050315', { today })).toBe('2005-03-15');
    expect(birthDateFromMrz('261128', { today })).toBe('2026-11-28');
    expect(birthDateFromMrz('261129', { today })).toBe('1926-11-29');
    expect(birthDateFromMrz('270101', { today })).toBe('1927-01-01');
  });

  it('puts expiry dates within the window ahead', () => {
    expect(expiryDateFromMrz('500101', { today })).toBe('2050-01-01');
    expect(expiryDateFromMrz('860101', { today })).toBe('2086-01-01');
    expect(expiryDateFromMrz('870101', { today })).toBe('1987-01-01');
    expect(expiryDateFromMrz('200101', { today })).toBe('2020-01-01');
  });

  it('rejects dates that do not exist', () => {
    for (const d of ['900230', '901301', '900001', '900100', '010229', 'AB0101', '9001']) {
      expect(birthDateFromMrz(d, { today })).toBeUndefined();
      expect(expiryDateFromMrz(d, { today })).toBeUndefined();
    }
    expect(birthDateFromMrz('000229', { today })).toBe('2000-02-29');
  });

  it('round-trips every date of the last hundred years (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1927-01-01'), max: today, noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(birthDateFromMrz(isoToMrzDate(iso), { today })).toBe(iso);
        },
      ),
    );
  });
});

describe('MRZ dates: what a date field is', () => {
  it('is exactly six digits: no more, no fewer, nothing in between', () => {
    for (const d of ['9001011', '19900101', 'X900101', '900101X', ' 90101', '9001 1', '+90101']) {
      expect(birthDateFromMrz(d, { today }), d).toBeUndefined();
      expect(expiryDateFromMrz(d, { today }), d).toBeUndefined();
    }
  });

  it('keeps 29 February only in leap years, whichever century is chosen', () => {
    expect(expiryDateFromMrz('280229', { today })).toBe('2028-02-29');
    expect(expiryDateFromMrz('270229', { today })).toBeUndefined();
    expect(birthDateFromMrz('960229', { today })).toBe('1996-02-29');
    expect(birthDateFromMrz('970229', { today })).toBeUndefined();
  });
});

describe('MRZ expiry dates near the end of a century', () => {
  // Today 1 June 2095: the window of 60 years ahead reaches 2155, so it starts in 2055.
  const late = new Date(Date.UTC(2095, 5, 1));

  it('puts a year past the start of the window in this century, an earlier one in the next', () => {
    expect(expiryDateFromMrz('990101', { today: late })).toBe('2099-01-01');
    expect(expiryDateFromMrz('550101', { today: late })).toBe('2055-01-01');
    expect(expiryDateFromMrz('541231', { today: late })).toBe('2154-12-31');
    expect(expiryDateFromMrz('100101', { today: late })).toBe('2110-01-01');
  });

  it('moves with the window it is given', () => {
    // Ten years ahead of 28 November 2026: 2036 is the last year in this century.
    expect(expiryDateFromMrz('361231', { today, expiryWindowYears: 10 })).toBe('2036-12-31');
    expect(expiryDateFromMrz('370101', { today, expiryWindowYears: 10 })).toBe('1937-01-01');
    expect(expiryDateFromMrz('100101', { today: late, expiryWindowYears: 10 })).toBe('2010-01-01');
  });
});

describe('ISO dates', () => {
  it('isoToMrzDate writes YYMMDD and refuses anything that is not YYYY-MM-DD', () => {
    expect(isoToMrzDate('1974-08-12')).toBe('740812');
    expect(isoToMrzDate('2030-12-01')).toBe('301201');
    for (const iso of ['1974-8-12', '74-08-12', '1974-08-123', 'x1974-08-12', '1974/08/12']) {
      expect(() => isoToMrzDate(iso), iso).toThrow(new RangeError(`not an ISO date: ${iso}`));
    }
  });

  it('isIsoCalendarDate accepts only YYYY-MM-DD days that exist', () => {
    for (const iso of ['2024-02-29', '2000-02-29', '1974-08-12', '2030-12-31'])
      expect(isIsoCalendarDate(iso), iso).toBe(true);
    for (const iso of [
      '2023-02-29',
      '1900-02-29',
      '1974-13-01',
      '1974-00-10',
      '1974-04-31',
      '1974-08-00',
      '74-08-12',
      '1974-8-12',
      '1974-08-1',
      '1974-08-12x',
      'x1974-08-12',
      '197A-08-12',
      '1974-0A-12',
      '1974-08-1A',
    ])
      expect(isIsoCalendarDate(iso), iso).toBe(false);
  });
});
