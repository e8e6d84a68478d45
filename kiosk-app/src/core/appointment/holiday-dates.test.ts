import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppointmentCalculator } from './appointment-calculator';
import { holidayDatesSchema, isIsoCalendarDate } from './holiday-dates';
import { CENTRE_DAY_OFF, WorkingCalendar } from './working-calendar';

describe('holidayDatesSchema', () => {
  it('accepts real dates, sorts them, refuses duplicates', () => {
    expect(holidayDatesSchema.parse(['2026-05-04', '2026-01-02'])).toEqual([
      '2026-01-02',
      '2026-05-04',
    ]);
    expect(holidayDatesSchema.safeParse(['2026-05-04', '2026-05-04']).success).toBe(false);
    for (const bad of ['2026-02-30', '2026-13-01', '26-05-04', '2026-5-4', '2026-05-04T00:00', ''])
      expect(holidayDatesSchema.safeParse([bad]).success, bad).toBe(false);
    expect(isIsoCalendarDate('2028-02-29')).toBe(true);
    expect(isIsoCalendarDate('2027-02-29')).toBe(false);
  });

  it('any real date round-trips; any other text is refused (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(holidayDatesSchema.parse([iso])).toEqual([iso]);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !isIsoCalendarDate(s)),
        (text) => {
          expect(holidayDatesSchema.safeParse([text]).success).toBe(false);
        },
      ),
    );
  });
});

describe("the centre's own holidays", () => {
  it('are read at every calculation, so a change applies to the next appointment', () => {
    let holidays: readonly string[] = [];
    const calculator = new AppointmentCalculator({
      calendar: new WorkingCalendar({ extraDaysOff: () => holidays }),
    });
    // Tuesday 10 March 2026, 09:00; one working day → Wednesday 09:00.
    const received = new Date('2026-03-10T09:00:00+07:00');
    const oneDay = { unit: 'workingHours', amount: 8 } as const;
    expect(calculator.calculate(received, oneDay).dueIso).toBe('2026-03-11T09:00:00+07:00');
    holidays = ['2026-03-11', '2026-03-12'];
    expect(calculator.calculate(received, oneDay).dueIso).toBe('2026-03-13T09:00:00+07:00');
    expect(calculator.calendar.dayKind('2026-03-11')).toEqual({
      working: false,
      reason: CENTRE_DAY_OFF,
    });
    holidays = [];
    expect(calculator.calculate(received, oneDay).dueIso).toBe('2026-03-11T09:00:00+07:00');
  });
});
