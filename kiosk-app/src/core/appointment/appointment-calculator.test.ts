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
    fc.assert(
      fc.property(received, fc.integer({ min: 0, max: 200 }), (r, amount) => {
        const a = calc.calculate(r, { unit: 'workingHours', amount });
        const b = calc.calculate(r, { unit: 'workingHours', amount: amount + 1 });
        expect(b.due.getTime()).toBeGreaterThan(a.due.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
