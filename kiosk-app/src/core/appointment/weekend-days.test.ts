/** A week with no working day would make the search for a compensatory day never end. */
import { describe, expect, it } from 'vitest';
import { statutoryDaysOff } from './statutory-holidays';
import { WorkingCalendar } from './working-calendar';

describe('weekend days', () => {
  it('refuses a week of seven weekend days at once instead of looping forever', () => {
    const everyDay = [0, 1, 2, 3, 4, 5, 6];
    expect(() => statutoryDaysOff(2026, everyDay)).toThrow(/at least one working day/);
    expect(() => new WorkingCalendar({ weekendDays: everyDay })).toThrow(RangeError);
  });

  it('refuses a weekday number outside 0-6', () => {
    expect(() => new WorkingCalendar({ weekendDays: [0, 7] })).toThrow(/0-6/);
    expect(() => statutoryDaysOff(2026, [1.5])).toThrow(RangeError);
  });

  it('accepts six weekend days: a compensatory day still falls on the one working day', () => {
    const off = statutoryDaysOff(2026, [0, 1, 2, 3, 4, 6]);
    const compensatory = off.filter((d) => d.reason.startsWith('Nghỉ bù'));
    expect(compensatory.length).toBeGreaterThan(0);
    // 5 = Friday, the only working day left.
    for (const d of compensatory) expect(new Date(`${d.date}T00:00:00Z`).getUTCDay()).toBe(5);
  });
});
