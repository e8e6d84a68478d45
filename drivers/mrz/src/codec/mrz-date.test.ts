import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthDateFromMrz, expiryDateFromMrz, isoToMrzDate } from './mrz-date';

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
