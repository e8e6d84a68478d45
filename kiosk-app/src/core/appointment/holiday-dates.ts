import { z } from 'zod';

/** Most days a kiosk's own holiday list may hold (a few years of local decisions). */
export const MAX_HOLIDAY_DATES = 400;

/** True when `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The kiosk's own days off (setting `holidays`): ISO dates the technician adds for compensatory
 * days, local decisions or a year whose table is not yet bundled. Each must be a real date and
 * appear once; the list is kept sorted. They come on top of the bundled yearly tables and the
 * statutory rules (see WorkingCalendar).
 */
export const holidayDatesSchema = z
  .array(
    z
      .string()
      .refine(isIsoCalendarDate, { message: 'a holiday is a real date written YYYY-MM-DD' }),
  )
  .max(MAX_HOLIDAY_DATES)
  .refine((dates) => new Set(dates).size === dates.length, {
    message: 'a holiday date appears twice',
  })
  .transform((dates) => [...dates].sort());
