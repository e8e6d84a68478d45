import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatVietnamIso, parseKioskDateTime, todayInVietnam } from './vietnam-time';

describe('vietnam-time', () => {
  it('agrees with the IANA zone Asia/Ho_Chi_Minh', () => {
    const zone = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1976-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(formatVietnamIso(d).slice(0, 16)).toBe(zone.format(d).replace(' ', 'T'));
        },
      ),
    );
  });
  it('reads a date-time without offset as Vietnamese local time', () => {
    expect(parseKioskDateTime('2026-02-13T16:00')?.toISOString()).toBe('2026-02-13T09:00:00.000Z');
    expect(parseKioskDateTime('2026-02-13T16:00:00+07:00')?.toISOString()).toBe(
      '2026-02-13T09:00:00.000Z',
    );
    expect(parseKioskDateTime('2026-02-13T09:00:00Z')?.toISOString()).toBe(
      '2026-02-13T09:00:00.000Z',
    );
    expect(parseKioskDateTime('2026-02-30T09:00')).toBeUndefined();
    expect(parseKioskDateTime('yesterday')).toBeUndefined();
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const parsed = parseKioskDateTime(s);
        if (parsed) expect(Number.isNaN(parsed.getTime())).toBe(false);
      }),
    );
  });

  it('gives today in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
    expect(todayInVietnam(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});
