/**
 * The rules behind the calendar, with expectations worked out by hand from Bộ luật Lao động 2019,
 * Điều 112 (weekdays checked against an ordinary calendar): 2028 has no table, so its days off
 * come from the statutory rules alone. Also the office-hours grammar, the holiday-table format
 * and the precedence of the centre's own days off.
 */
import { describe, expect, it } from 'vitest';
import { holidayDatesSchema, MAX_HOLIDAY_DATES } from './holiday-dates';
import { parseHolidayTable } from './holiday-table';
import {
  DEFAULT_OFFICE_HOURS,
  formatClock,
  OfficeHoursError,
  officeHours,
  parseClock,
  workingMinutesPerDay,
} from './office-hours';
import { secondNationalDay, statutoryDaysOff } from './statutory-holidays';
import { CENTRE_DAY_OFF, WorkingCalendar } from './working-calendar';

describe('statutory days off of 2028 (no table)', () => {
  const days = new Map(statutoryDaysOff(2028).map((d) => [d.date, d.reason]));

  it('compensates Saturday 1 January on Monday 3 January', () => {
    expect(days.has('2028-01-01')).toBe(true);
    expect(days.get('2028-01-03')).toMatch(/^Nghỉ bù /);
    expect(days.has('2028-01-04')).toBe(false);
  });

  it('compensates Sunday 30 April on Tuesday 2 May, Monday 1 May being a holiday itself', () => {
    expect(days.has('2028-04-30')).toBe(true);
    expect(days.has('2028-05-01')).toBe(true);
    expect(days.get('2028-05-02')).toMatch(/^Nghỉ bù /);
    expect(days.has('2028-05-03')).toBe(false);
  });

  it('gives Friday 1 September beside Saturday 2 September, and compensates 2/9 on Monday 4/9', () => {
    expect(days.get('2028-09-01')).toBe('Quốc khánh (ngày liền kề)');
    expect(days.get('2028-09-04')).toMatch(/^Nghỉ bù /);
  });

  it('lists the days in date order', () => {
    const dates = [...days.keys()];
    expect(dates).toEqual([...dates].sort());
  });

  it('takes the weekly days off it is given', () => {
    // With Sunday alone off, Saturday 1 January 2028 is a working day: no compensation.
    const sundayOnly = statutoryDaysOff(2028, [0]).map((d) => d.date);
    expect(sundayOnly).toContain('2028-01-01');
    expect(sundayOnly).not.toContain('2028-01-03');
    expect(sundayOnly).not.toContain('2028-01-02');
  });
});

describe('the second National Day day', () => {
  it('joins the weekend: 3/9 after a Sunday, Monday or Thursday 2/9, else 1/9', () => {
    expect(secondNationalDay(2029).date).toBe('2029-09-03'); // 2/9 a Sunday
    expect(secondNationalDay(2030).date).toBe('2030-09-03'); // a Monday
    expect(secondNationalDay(2022).date).toBe('2022-09-01'); // a Friday
    expect(secondNationalDay(2023).date).toBe('2023-09-01'); // a Saturday
    expect(secondNationalDay(2026).date).toBe('2026-09-01'); // a Wednesday
    expect(secondNationalDay(2027)).toEqual({
      date: '2027-09-03',
      reason: 'Quốc khánh (ngày liền kề)',
    });
  });
});

describe('WorkingCalendar precedence', () => {
  it('names the weekly day off, a swapped working day and a table day off', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.dayKind('2026-03-14')).toEqual({ working: false, reason: 'Nghỉ hằng tuần' });
    expect(calendar.dayKind('2026-03-10')).toEqual({ working: true });
    expect(calendar.dayKind('2026-08-22')).toMatchObject({ working: true });
    expect(calendar.dayKind('2026-08-22').reason).toBeTruthy();
    expect(calendar.dayKind('2026-09-02')).toMatchObject({ working: false });
  });

  it('lets the centre close even a swapped working Saturday', () => {
    const calendar = new WorkingCalendar({ extraDaysOff: () => ['2026-08-22'] });
    expect(calendar.dayKind('2026-08-22')).toEqual({ working: false, reason: CENTRE_DAY_OFF });
  });

  it('adds an incomplete table’s days to the statutory ones', () => {
    const calendar = new WorkingCalendar({
      tables: [
        parseHolidayTable({
          year: 2028,
          complete: false,
          daysOff: [{ date: '2028-03-15', reason: 'Quyết định địa phương' }],
          workingDays: [{ date: '2028-03-18', reason: 'Làm bù' }],
        }),
      ],
    });
    expect(calendar.dayKind('2028-03-15')).toEqual({
      working: false,
      reason: 'Quyết định địa phương',
    });
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false); // statutory compensation stays
    expect(calendar.dayKind('2028-03-18')).toEqual({ working: true, reason: 'Làm bù' });
    expect(calendar.tableOf(2028)?.daysOff).toHaveLength(1);
    expect(calendar.isYearConfirmed(2028)).toBe(false);
  });

  it('keeps only the table’s days for a complete table, plus the library’s holidays', () => {
    const calendar = new WorkingCalendar({
      tables: [parseHolidayTable({ year: 2028, complete: true, confirmed: true, daysOff: [] })],
    });
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true); // no computed compensation
    expect(calendar.isWorkingDay('2028-09-01')).toBe(true); // no computed second day
    expect(calendar.isWorkingDay('2028-05-01')).toBe(false); // the library's fixed holiday
    expect(calendar.isYearConfirmed(2028)).toBe(true);
  });

  it('forgets configured tables that are withdrawn', () => {
    let loaded = [parseHolidayTable({ year: 2028, complete: true, confirmed: true, daysOff: [] })];
    const calendar = new WorkingCalendar({ configuredTables: () => loaded });
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true);
    loaded = [];
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false);
    expect(calendar.tableOf(2028)).toBeUndefined();
  });
});

describe('office hours', () => {
  it('reads HH:MM on a 24-hour clock and nothing else', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('19:05')).toBe(1145);
    for (const bad of ['24:00', '7:00', '07:60', '07:00 ', ' 07:00', '0700'])
      expect(parseClock(bad), bad).toBeUndefined();
  });

  it('writes minutes back as HH:MM', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(450)).toBe('07:30');
    expect(formatClock(1439)).toBe('23:59');
  });

  it('takes periods in order that may touch but not overlap', () => {
    expect(
      officeHours([
        ['07:00', '11:30'],
        ['11:30', '17:00'],
      ]),
    ).toEqual([
      { start: 420, end: 690 },
      { start: 690, end: 1020 },
    ]);
    const refused = (periods: [string, string][]) => {
      try {
        officeHours(periods);
      } catch (error) {
        expect(error).toBeInstanceOf(OfficeHoursError);
        expect(error).toMatchObject({ name: 'OfficeHoursError', code: 'OFFICE_HOURS_INVALID' });
        return (error as Error).message;
      }
      return undefined;
    };
    expect(refused([['08:00', '08:00']])).toBe(
      'office period 08:00–08:00 is not a valid HH:MM range',
    );
    expect(refused([['08:00', '25:00']])).toMatch(/not a valid HH:MM range/);
    expect(refused([])).toBe('office hours need at least one period');
    expect(
      refused([
        ['07:00', '12:00'],
        ['11:30', '17:00'],
      ]),
    ).toBe('office periods must be in order and must not overlap');
  });

  it('add up to eight hours by default', () => {
    expect(workingMinutesPerDay(DEFAULT_OFFICE_HOURS)).toBe(480);
    expect(workingMinutesPerDay(officeHours([['08:00', '09:15']]))).toBe(75);
  });
});

describe('holiday tables and dates', () => {
  it('fill in what a table leaves out, and refuse what does not belong', () => {
    expect(parseHolidayTable({ year: 2030, complete: true, daysOff: [] })).toEqual({
      year: 2030,
      complete: true,
      confirmed: false,
      sources: [],
      notes: [],
      daysOff: [],
      workingDays: [],
    });
    const bad = (value: unknown) => {
      try {
        parseHolidayTable(value);
      } catch (error) {
        expect(error).toMatchObject({ name: 'HolidayTableError', code: 'HOLIDAY_TABLE_INVALID' });
        return (error as Error).message;
      }
      return undefined;
    };
    expect(bad({ year: 1999, complete: true, daysOff: [] })).toMatch(/^holiday table is invalid: /);
    expect(bad({ year: 2101, complete: true, daysOff: [] })).toBeDefined();
    expect(bad({ year: 2030.5, complete: true, daysOff: [] })).toBeDefined();
    expect(
      bad({ year: 2030, complete: true, daysOff: [{ date: '2030-01-01', reason: '' }] }),
    ).toBeDefined();
    expect(
      bad({ year: 2030, complete: true, daysOff: [{ date: '2030-1-1', reason: 'x' }] }),
    ).toBeDefined();
    expect(
      bad({
        year: 2030,
        complete: true,
        daysOff: [],
        workingDays: [{ date: '2031-01-04', reason: 'x' }],
      }),
    ).toContain('2031-01-04 is not in 2030');
    expect(bad({ year: 2000, complete: false, daysOff: [] })).toBeUndefined();
    expect(bad({ year: 2100, complete: false, daysOff: [] })).toBeUndefined();
  });

  it('take at most 400 centre days, each named when refused', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      );
    expect(MAX_HOLIDAY_DATES).toBe(400);
    expect(holidayDatesSchema.safeParse(many(400)).success).toBe(true);
    expect(holidayDatesSchema.safeParse(many(401)).success).toBe(false);
    const twice = holidayDatesSchema.safeParse(['2026-05-04', '2026-05-04']);
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['a holiday date appears twice']);
    const unreal = holidayDatesSchema.safeParse(['2026-02-30']);
    expect(unreal.error?.issues.map((i) => i.message)).toEqual([
      'a holiday is a real date written YYYY-MM-DD',
    ]);
  });
});
