import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HolidayTableError, parseHolidayTable } from './holiday-table';
import { statutoryDaysOff } from './statutory-holidays';
import { WorkingCalendar } from './working-calendar';

describe('statutory rules for years without a published table', () => {
  it('adds the second National Day day next to a weekend', () => {
    expect(statutoryDaysOff(2024).map((d) => d.date)).toContain('2024-09-03');
    expect(statutoryDaysOff(2027).map((d) => d.date)).toEqual(
      expect.arrayContaining(['2027-09-01', '2027-09-02']),
    );
  });
  it('gives five Tết days from Giao thừa and compensates those on a weekend', () => {
    // 2027: Giao thừa Fri 5 Feb; Tết days 5–9 Feb include Sat/Sun → off Wed 10 and Thu 11 Feb.
    const days = statutoryDaysOff(2027).map((d) => d.date);
    expect(days).toEqual(
      expect.arrayContaining([
        '2027-02-05',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
      ]),
    );
    expect(days).not.toContain('2027-02-12');
  });
});

describe('WorkingCalendar', () => {
  it('2026: Tết Dương lịch 1–2 Jan off, Saturday 10 Jan worked', () => {
    const c = new WorkingCalendar();
    expect(c.isWorkingDay('2026-01-02')).toBe(false);
    expect(c.dayKind('2026-01-10')).toEqual({ working: true, reason: 'Làm bù cho thứ Sáu 02/01' });
  });
  it('a configured table replaces the bundled one', () => {
    const c = new WorkingCalendar({
      tables: [
        parseHolidayTable({
          year: 2026,
          complete: true,
          daysOff: [{ date: '2026-03-10', reason: 'test' }],
        }),
      ],
    });
    expect(c.isWorkingDay('2026-03-10')).toBe(false);
    expect(c.isWorkingDay('2026-02-17')).toBe(false); // Tết day 1 stays off via date-holidays
    expect(c.isWorkingDay('2026-02-18')).toBe(true);
  });
  it('rejects malformed tables with a typed error, never anything else', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          parseHolidayTable(value);
        } catch (error) {
          expect(error).toBeInstanceOf(HolidayTableError);
        }
      }),
    );
    expect(() =>
      parseHolidayTable({
        year: 2026,
        complete: true,
        daysOff: [{ date: '2027-01-01', reason: 'x' }],
      }),
    ).toThrow(HolidayTableError);
  });
});
