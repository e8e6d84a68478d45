import Holidays from 'date-holidays';
import { addDays, weekdayOf, type LocalDate } from '@kiosk/forms';

/**
 * Public holidays of one year computed from the rules of Bộ luật Lao động 2019, Điều 112, for
 * years whose official table has not been published yet. `date-holidays` supplies the fixed and
 * lunar dates (Tết Dương lịch, Giao thừa, Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch,
 * 30/4, 1/5, 2/9); it lacks the rest of the five Tết days, the second National Day day and the
 * compensatory days, which are added here.
 */
export interface DayOff {
  readonly date: LocalDate;
  readonly reason: string;
}

const TET_DAYS = 5; // Điều 112 khoản 1 điểm b
const vietnam = new Holidays('VN');

function publicHolidays(year: number): DayOff[] {
  return vietnam
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), reason: h.name }));
}

/**
 * Điều 112 khoản 1 điểm đ: 2 September and one day before or after it, which the Government
 * picks each year. Recent choices join the holiday to a weekend: 2024 (2/9 a Monday) took
 * Tuesday 3/9; 2025 (a Tuesday) took Monday 1/9. So: 3/9 when 2/9 is a Thursday (Friday joins
 * the weekend), a Monday, or a Sunday (1/9 would itself be a Saturday); 1/9 otherwise.
 */
const THREE_SEPTEMBER_WEEKDAYS: readonly number[] = [0, 1, 4];

export function secondNationalDay(year: number): DayOff {
  const nationalDay = `${year}-09-02`;
  const date = THREE_SEPTEMBER_WEEKDAYS.includes(weekdayOf(nationalDay))
    ? `${year}-09-03`
    : `${year}-09-01`;
  return { date, reason: 'Quốc khánh (ngày liền kề)' };
}

function isWeekend(date: LocalDate, weekendDays: readonly number[]): boolean {
  return weekendDays.includes(weekdayOf(date));
}

/**
 * Weekend days are weekday numbers (0 = Sunday … 6 = Saturday) that leave at least one working
 * day in the week; otherwise no compensatory day could ever be found.
 */
export function assertWeekendDays(weekendDays: readonly number[]): void {
  const valid = weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  if (!valid || new Set(weekendDays).size >= 7) {
    throw new RangeError(
      `weekendDays must be weekday numbers 0-6 that leave at least one working day, got [${weekendDays.join(', ')}]`,
    );
  }
}

/** The computed days off of `year`, including compensatory days (Điều 112 khoản 3). */
export function statutoryDaysOff(year: number, weekendDays: readonly number[] = [0, 6]): DayOff[] {
  assertWeekendDays(weekendDays);
  const days = new Map<LocalDate, string>();
  for (const h of publicHolidays(year)) {
    days.set(h.date, h.reason);
    if (/giao thừa/i.test(h.reason)) {
      for (let i = 1; i < TET_DAYS; i += 1) days.set(addDays(h.date, i), 'Tết Nguyên đán');
    }
  }
  const second = secondNationalDay(year);
  days.set(second.date, second.reason);
  const holidays = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [date, reason] of holidays) {
    if (!isWeekend(date, weekendDays)) continue;
    let compensatory = addDays(date, 1);
    while (isWeekend(compensatory, weekendDays) || days.has(compensatory)) {
      compensatory = addDays(compensatory, 1);
    }
    days.set(compensatory, `Nghỉ bù ${reason}`);
  }
  return [...days.entries()]
    .map(([date, reason]) => ({ date, reason }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The lunar and fixed public holidays as date-holidays knows them (no computed additions). */
export function libraryPublicHolidays(year: number): DayOff[] {
  return publicHolidays(year);
}
