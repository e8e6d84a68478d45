import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HolidayTableError, parseHolidayTable, type HolidayTable } from './holiday-table';
import { secondNationalDay, statutoryDaysOff } from './statutory-holidays';
import { WorkingCalendar } from './working-calendar';

describe('statutory rules for years without a published table', () => {
  it('adds the second National Day day next to a weekend', () => {
    // Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ: 2/9 and one adjacent day.
    expect(statutoryDaysOff(2024).map((d) => d.date)).toContain('2024-09-03'); // 2/9 a Monday
    expect(secondNationalDay(2025).date).toBe('2025-09-01'); // Tuesday → Monday, as decided
    // 2027: 2/9 is a Thursday, so Friday 3/9 joins the weekend; Wednesday 1/9 stays worked.
    const days2027 = statutoryDaysOff(2027).map((d) => d.date);
    expect(days2027).toEqual(expect.arrayContaining(['2027-09-02', '2027-09-03']));
    expect(days2027).not.toContain('2027-09-01');
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
  it('tables loaded later through the configuration replace the bundled year at the next question', () => {
    let loaded: readonly HolidayTable[] = [];
    const c = new WorkingCalendar({ configuredTables: () => loaded });
    expect(c.isYearConfirmed(2027)).toBe(false);
    expect(c.isWorkingDay('2027-02-12')).toBe(true);
    // A synthetic "published" 2027 decision that adds Friday 12 Feb.
    loaded = [
      parseHolidayTable({
        year: 2027,
        complete: true,
        confirmed: true,
        daysOff: [{ date: '2027-02-12', reason: 'Tết Nguyên đán (theo quyết định)' }],
      }),
    ];
    expect(c.isYearConfirmed(2027)).toBe(true);
    expect(c.isWorkingDay('2027-02-12')).toBe(false);
  });
  it('2025 and 2026 are confirmed decisions; 2027 and years without a table are not', () => {
    const c = new WorkingCalendar();
    expect(c.isYearConfirmed(2025)).toBe(true);
    expect(c.isYearConfirmed(2026)).toBe(true);
    expect(c.isYearConfirmed(2027)).toBe(false);
    expect(c.isYearConfirmed(2028)).toBe(false);
    expect(c.tableOf(2027)?.sources.join(' ')).toMatch(/Điều 112/);
  });
  it('a table without the flag counts as unconfirmed', () => {
    expect(parseHolidayTable({ year: 2030, complete: false, daysOff: [] }).confirmed).toBe(false);
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
