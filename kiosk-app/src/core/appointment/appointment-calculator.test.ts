import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppointmentCalculator, AppointmentError } from './appointment-calculator';
import { officeHours } from './office-hours';
import { WorkingCalendar } from './working-calendar';
import { formatVietnamIso } from '@kiosk/forms';

const calc = new AppointmentCalculator();
const at = (iso: string): Date => new Date(`${iso}+07:00`);
const due = (
  received: string,
  unit: 'workingHours' | 'calendarDays',
  amount: number,
  cutOff?: string,
): string => calc.calculate(at(received), { unit, amount, cutOff }).dueIso;

describe('AppointmentCalculator: 2026 Tết break (Sat 14 – Sun 22 Feb)', () => {
  it('skips the whole break for a dossier received on the last working day before it', () => {
    expect(due('2026-02-13T16:00:00', 'workingHours', 8)).toBe('2026-02-23T16:00:00+07:00');
  });
  it('starts after the break when the cut-off has passed', () => {
    const result = calc.calculate(at('2026-02-13T16:00:00'), {
      unit: 'workingHours',
      amount: 8,
      cutOff: '15:00',
    });
    expect(result.cutOffApplied).toBe(true);
    expect(formatVietnamIso(result.countedFrom)).toBe('2026-02-23T07:00:00+07:00');
    expect(result.dueIso).toBe('2026-02-23T17:00:00+07:00');
  });
  it('treats every day of the break as a day off, and its neighbours as working days', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    for (let d = 14; d <= 22; d += 1) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
  });
  it('moves a calendar-day result that lands in the break to the first working hour after it', () => {
    expect(due('2026-02-09T10:00:00', 'calendarDays', 5)).toBe('2026-02-23T07:00:00+07:00');
  });
});

describe('AppointmentCalculator: Hùng Kings day', () => {
  it('2026: Sunday 26 Apr is compensated on Monday 27 Apr', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2026-04-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-26')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(due('2026-04-24T10:00:00', 'workingHours', 16)).toBe('2026-04-29T10:00:00+07:00');
  });
  it('2025: Monday 7 Apr is off', () => {
    expect(due('2025-04-04T16:00:00', 'workingHours', 2)).toBe('2025-04-08T08:00:00+07:00');
  });
  it('a year without a table follows the lunar date from date-holidays (2027: 10/3 âm lịch = Fri 16 Apr)', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.dayKind('2027-04-16')).toMatchObject({ working: false });
    expect(calendar.isWorkingDay('2027-04-15')).toBe(true);
  });
});

describe('AppointmentCalculator: National Day', () => {
  it('2026: off Sat 29 Aug – Wed 2 Sep, Saturday 22 Aug is a working day', () => {
    expect(due('2026-08-28T09:00:00', 'workingHours', 8)).toBe('2026-09-03T09:00:00+07:00');
    expect(due('2026-08-21T16:00:00', 'workingHours', 2)).toBe('2026-08-22T08:00:00+07:00');
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-03')).toBe(true);
  });
  it('2025: Monday 1 and Tuesday 2 Sep are off', () => {
    expect(due('2025-08-29T16:00:00', 'workingHours', 2)).toBe('2025-09-03T08:00:00+07:00');
  });
});

describe('AppointmentCalculator: cut-off and office hours', () => {
  it('a dossier received at 15:00 sharp counts the same day', () => {
    expect(due('2026-03-10T15:00:00', 'workingHours', 4, '15:00')).toBe(
      '2026-03-11T09:00:00+07:00',
    );
  });
  it('a dossier received after 15:00 counts from the next working day', () => {
    expect(due('2026-03-10T15:01:00', 'workingHours', 4, '15:00')).toBe(
      '2026-03-11T11:00:00+07:00',
    );
  });
  it('the lunch break does not count', () => {
    expect(due('2026-03-10T11:00:00', 'workingHours', 1)).toBe('2026-03-10T14:00:00+07:00');
    expect(due('2026-03-10T12:15:00', 'workingHours', 1)).toBe('2026-03-10T14:30:00+07:00');
  });
  it('a weekend receipt starts on Monday morning', () => {
    expect(due('2026-03-07T09:00:00', 'workingHours', 8)).toBe('2026-03-09T17:00:00+07:00');
  });
  it('uses Vietnamese time whatever zone the instant was written in', () => {
    const utc = calc.calculate(new Date('2026-03-10T04:00:00Z'), {
      unit: 'workingHours',
      amount: 1,
    });
    expect(utc.dueIso).toBe('2026-03-10T14:00:00+07:00');
  });
  it('honours configured office hours', () => {
    const saturdayShift = new AppointmentCalculator({
      officeHours: officeHours([['08:00', '12:00']]),
    });
    const result = saturdayShift.calculate(at('2026-03-10T11:00:00'), {
      unit: 'workingHours',
      amount: 2,
    });
    expect(result.dueIso).toBe('2026-03-11T09:00:00+07:00');
  });
  it('rejects a malformed cut-off and a negative duration with typed errors', () => {
    expect(() =>
      calc.calculate(at('2026-03-10T09:00:00'), { unit: 'workingHours', amount: 1, cutOff: '3pm' }),
    ).toThrow(AppointmentError);
    expect(() =>
      calc.calculate(at('2026-03-10T09:00:00'), { unit: 'workingHours', amount: -1 }),
    ).toThrow(/non-negative/);
  });
});

/*
 * 2027: no Government decision found yet (holidays/2027.json, `confirmed: false`); the table
 * follows Bộ luật Lao động 2019, Điều 112 khoản 1 and 3, with lunar dates from date-holidays.
 */
describe('AppointmentCalculator: 2027 (computed table, dự kiến)', () => {
  it('Tết Đinh Mùi: Giao thừa Fri 5 Feb to Thu 11 Feb off (5 Tết days, Sat/Sun compensated)', () => {
    // Điều 112 khoản 1 điểm b (5 days) and khoản 3 (a holiday on the weekly rest day is taken
    // on the next working day): received Thu 4 Feb 16:00, one working day → Fri 12 Feb 16:00.
    const a = calc.calculate(at('2027-02-04T16:00:00'), { unit: 'workingHours', amount: 8 });
    expect(a.dueIso).toBe('2027-02-12T16:00:00+07:00');
    expect(a.unconfirmedYears).toEqual([2027]);
  });
  it('30/4–1/5: Fri 30 Apr off, Sat 1 May compensated on Mon 3 May', () => {
    // Điều 112 khoản 1 điểm c, d and khoản 3.
    expect(due('2027-04-29T16:00:00', 'workingHours', 2)).toBe('2027-05-04T08:00:00+07:00');
  });
  it('National Day: Thu 2 and Fri 3 Sep off, Wed 1 Sep worked', () => {
    // Điều 112 khoản 1 điểm đ: 2/9 and one adjacent day; the one joining the weekend (3/9).
    expect(due('2027-09-01T16:00:00', 'workingHours', 2)).toBe('2027-09-06T08:00:00+07:00');
  });
  it('a 2026 dossier due in 2027 is provisional; one due within 2026 is not', () => {
    expect(
      calc.calculate(at('2026-12-30T09:00:00'), { unit: 'workingHours', amount: 24 })
        .unconfirmedYears,
    ).toEqual([2027]);
    expect(
      calc.calculate(at('2026-12-01T09:00:00'), { unit: 'workingHours', amount: 24 })
        .unconfirmedYears,
    ).toEqual([]);
  });
});

describe('AppointmentCalculator: same day, cut-off and out of hours', () => {
  // Nghị định 23/2015/NĐ-CP, Điều 7: certified copies the same working day, or the next working
  // day when received after 15:00 (forms/procedures/chung-thuc-ban-sao.json: amount 0, cut-off).
  const sameDay = { unit: 'workingHours', amount: 0, cutOff: '15:00' } as const;
  it('same-day: due at the close of the day it was received', () => {
    const a = calc.calculate(at('2026-03-10T09:20:00'), sameDay);
    expect(a.sameDay).toBe(true);
    expect(a.dueIso).toBe('2026-03-10T17:00:00+07:00');
  });
  it('same-day after the 15:00 cut-off: due at the close of the next working day', () => {
    const a = calc.calculate(at('2026-03-13T15:30:00'), sameDay); // a Friday
    expect(a.cutOffApplied).toBe(true);
    expect(a.dueIso).toBe('2026-03-16T17:00:00+07:00');
  });
  it('received before opening counts from the opening (07:00), not from the minute it was received', () => {
    // Nghị định 118/2025: the time limit runs in working time; 06:40 is outside office hours.
    const a = calc.calculate(at('2026-03-09T06:40:00'), { unit: 'workingHours', amount: 56 });
    expect(formatVietnamIso(a.countedFrom)).toBe('2026-03-09T07:00:00+07:00');
    expect(a.dueIso).toBe('2026-03-17T17:00:00+07:00');
  });
  it('received in the evening counts from the next morning', () => {
    const a = calc.calculate(at('2026-03-09T19:05:00'), { unit: 'workingHours', amount: 8 });
    expect(formatVietnamIso(a.countedFrom)).toBe('2026-03-10T07:00:00+07:00');
    expect(a.dueIso).toBe('2026-03-10T17:00:00+07:00');
  });
});

describe('AppointmentCalculator properties', () => {
  const received = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const cutOff = fc.option(fc.constantFrom('15:00', '16:00', '11:00'), { nil: undefined });

  it('the result is always a working time and never earlier than the receipt', () => {
    fc.assert(
      fc.property(
        received,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('workingHours', 'calendarDays' as const),
        cutOff,
        (r, amount, unit, c) => {
          const a = calc.calculate(r, {
            unit,
            amount: unit === 'calendarDays' ? amount % 60 : amount,
            cutOff: c,
          });
          expect(calc.isWorkingTime(a.due)).toBe(true);
          expect(a.due.getTime()).toBeGreaterThanOrEqual(r.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });
  it('more working hours never give an earlier result', () => {
    // From 1 h up: 0 h is "the same day", due at the close of the day whatever the hour.
    fc.assert(
      fc.property(received, fc.integer({ min: 1, max: 200 }), (r, amount) => {
        const a = calc.calculate(r, { unit: 'workingHours', amount });
        const b = calc.calculate(r, { unit: 'workingHours', amount: amount + 1 });
        expect(b.due.getTime()).toBeGreaterThan(a.due.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
