/**
 * The appointment rules at their edges (Nghị định 118/2025/NĐ-CP: time limits run in working time
 * from receipt; the cut-off is strictly after its minute): a result that fits exactly into a
 * morning, a receipt seconds after the cut-off, a cut-off on a day off, calendar-day results that
 * land on a closing time, same-day procedures with other office hours, and a calendar that never
 * works.
 */
import { formatVietnamIso } from '@kiosk/forms';
import { describe, expect, it } from 'vitest';
import { AppointmentCalculator, AppointmentError, isProvisional } from './appointment-calculator';
import { officeHours } from './office-hours';
import { WorkingCalendar } from './working-calendar';

const calc = new AppointmentCalculator();
const at = (local: string): Date => new Date(`${local}+07:00`);

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppointmentError) {
      expect(error.name).toBe('AppointmentError');
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('working hours that fill a period exactly', () => {
  it('4.5 hours from the opening end at the lunch break, not after it', () => {
    // Tuesday 10 March 2026; the morning is 07:00–11:30.
    expect(
      calc.calculate(at('2026-03-10T07:00:00'), { unit: 'workingHours', amount: 4.5 }).dueIso,
    ).toBe('2026-03-10T11:30:00+07:00');
  });

  it('8 hours from the opening end at the close of the same day', () => {
    expect(
      calc.calculate(at('2026-03-10T07:00:00'), { unit: 'workingHours', amount: 8 }).dueIso,
    ).toBe('2026-03-10T17:00:00+07:00');
  });

  it('9 hours run into the next morning', () => {
    expect(
      calc.calculate(at('2026-03-10T07:00:00'), { unit: 'workingHours', amount: 9 }).dueIso,
    ).toBe('2026-03-11T08:00:00+07:00');
  });
});

describe('the cut-off', () => {
  it('counts a receipt seconds after the cut-off minute as after it', () => {
    const a = calc.calculate(at('2026-03-10T15:00:30'), {
      unit: 'workingHours',
      amount: 1,
      cutOff: '15:00',
    });
    expect(a.cutOffApplied).toBe(true);
    expect(formatVietnamIso(a.countedFrom)).toBe('2026-03-11T07:00:00+07:00');
  });

  it('does not apply on a day off: a Saturday receipt counts from Monday’s opening', () => {
    const a = calc.calculate(at('2026-03-14T16:00:00'), {
      unit: 'workingHours',
      amount: 1,
      cutOff: '15:00',
    });
    expect(a.cutOffApplied).toBe(false);
    expect(formatVietnamIso(a.countedFrom)).toBe('2026-03-16T07:00:00+07:00');
    expect(a.dueIso).toBe('2026-03-16T08:00:00+07:00');
  });

  it('refuses a cut-off that is not HH:MM, naming it', () => {
    expect(() =>
      calc.calculate(at('2026-03-10T09:00:00'), {
        unit: 'workingHours',
        amount: 1,
        cutOff: '24:00',
      }),
    ).toThrow('cut-off "24:00" is not HH:MM');
    expect(
      errorCode(() =>
        calc.calculate(at('2026-03-10T09:00:00'), {
          unit: 'workingHours',
          amount: 1,
          cutOff: '9:00',
        }),
      ),
    ).toBe('APPOINTMENT_INVALID_CUTOFF');
  });
});

describe('the duration', () => {
  it('must be a finite number of at least zero', () => {
    for (const amount of [-0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(
        errorCode(() =>
          calc.calculate(at('2026-03-10T09:00:00'), { unit: 'workingHours', amount }),
        ),
      ).toBe('APPOINTMENT_INVALID_DURATION');
    expect(() =>
      calc.calculate(at('2026-03-10T09:00:00'), { unit: 'calendarDays', amount: -1 }),
    ).toThrow('processing time -1 is not a non-negative number');
  });

  it('converts working days to hours at eight a day', () => {
    expect(AppointmentCalculator.workingDays(3)).toBe(24);
    expect(calc.minutesPerDay).toBe(480);
  });
});

describe('calendar days', () => {
  it('keep a result that lands on a closing time there', () => {
    // 11:00 + a quarter day = 17:00, the close: due then, not the next morning.
    expect(
      calc.calculate(at('2026-03-10T11:00:00'), { unit: 'calendarDays', amount: 0.25 }).dueIso,
    ).toBe('2026-03-10T17:00:00+07:00');
  });

  it('move a result in the lunch break to the afternoon opening', () => {
    expect(
      calc.calculate(at('2026-03-10T11:00:00'), { unit: 'calendarDays', amount: 1 / 24 }).dueIso,
    ).toBe('2026-03-10T13:30:00+07:00');
  });

  it('zero calendar days is no same-day rule: due when the count starts', () => {
    const a = calc.calculate(at('2026-03-10T09:10:00'), { unit: 'calendarDays', amount: 0 });
    expect(a.sameDay).toBe(false);
    expect(a.dueIso).toBe('2026-03-10T09:10:00+07:00');
  });
});

describe('same-day procedures', () => {
  it('are due at the close of the last period of the configured hours', () => {
    const morningOnly = new AppointmentCalculator({
      officeHours: officeHours([['08:00', '12:00']]),
    });
    const a = morningOnly.calculate(at('2026-03-10T09:00:00'), { unit: 'workingHours', amount: 0 });
    expect(a.sameDay).toBe(true);
    expect(a.dueIso).toBe('2026-03-10T12:00:00+07:00');
  });
});

describe('unconfirmed years', () => {
  it('lists every unconfirmed year between receipt and due date', () => {
    const a = calc.calculate(at('2027-12-30T09:00:00'), { unit: 'workingHours', amount: 40 });
    expect(a.unconfirmedYears).toEqual([2027, 2028]);
    expect(isProvisional(a)).toBe(true);
    expect(isProvisional({ unconfirmedYears: [] })).toBe(false);
  });
});

describe('isWorkingTime', () => {
  it('counts both ends of a period and nothing outside them', () => {
    const open = (local: string) => calc.isWorkingTime(at(local));
    expect(open('2026-03-10T07:00:00')).toBe(true);
    expect(open('2026-03-10T06:59:00')).toBe(false);
    expect(open('2026-03-10T11:30:00')).toBe(true);
    expect(open('2026-03-10T11:31:00')).toBe(false);
    expect(open('2026-03-10T13:29:00')).toBe(false);
    expect(open('2026-03-10T17:00:59')).toBe(true);
    expect(open('2026-03-10T17:01:00')).toBe(false);
    expect(open('2026-03-14T09:00:00')).toBe(false); // a Saturday
  });
});

describe('a calendar with no working day', () => {
  it('is refused with a typed error instead of searching for ever', () => {
    // The centre's own list closes every day of a year and more.
    const closed = Array.from({ length: 380 }, (_, i) =>
      new Date(Date.UTC(2028, 2, 10 + i)).toISOString().slice(0, 10),
    );
    const never = new AppointmentCalculator({
      calendar: new WorkingCalendar({ extraDaysOff: () => closed }),
    });
    expect(
      errorCode(() =>
        never.calculate(at('2028-03-10T09:00:00'), { unit: 'workingHours', amount: 1 }),
      ),
    ).toBe('APPOINTMENT_NO_WORKING_DAY');
  });
});
