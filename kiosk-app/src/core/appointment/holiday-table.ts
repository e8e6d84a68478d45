import { z } from 'zod';
import table2025 from './holidays/2025.json';
import table2026 from './holidays/2026.json';
import table2027 from './holidays/2027.json';

/**
 * The yearly table of days off and swapped working days that the Government announces each
 * year (Bộ luật Lao động 2019, Điều 112 khoản 3: the Prime Minister decides the exact Tết days;
 * swaps of working days are decided by the Ministry of Home Affairs). Staff edit these files when
 * a decision is published; `complete: true` means the table lists every day off of that year,
 * so the computed rules (second National Day day, compensatory days, Tết extent) stand back.
 *
 * `confirmed: true` only when the table follows a published decision for that year. A table
 * computed ahead of the decision (from the statutory rules) says `false`, and every appointment
 * that depends on it is printed as expected ("dự kiến"). A table without the flag counts as
 * unconfirmed: a technician's bundle must say so explicitly.
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const entry = z.object({ date: isoDay, reason: z.string().min(1) });

export const holidayTableSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    complete: z.boolean(),
    confirmed: z.boolean().default(false),
    sources: z.array(z.string()).default([]),
    /** Why a day is in or out when that is not obvious (e.g. a holiday proposed but not law). */
    notes: z.array(z.string()).default([]),
    daysOff: z.array(entry),
    workingDays: z.array(entry).default([]),
  })
  .superRefine((t, ctx) => {
    for (const e of [...t.daysOff, ...t.workingDays]) {
      if (!e.date.startsWith(`${t.year}-`)) {
        ctx.addIssue({ code: 'custom', message: `${e.date} is not in ${t.year}` });
      }
    }
  });

export type HolidayTable = z.infer<typeof holidayTableSchema>;

export class HolidayTableError extends Error {
  override readonly name = 'HolidayTableError';
  readonly code = 'HOLIDAY_TABLE_INVALID';
}

/** Validates a table read from a data file or the kiosk configuration. */
export function parseHolidayTable(value: unknown): HolidayTable {
  const parsed = holidayTableSchema.safeParse(value);
  if (!parsed.success) {
    throw new HolidayTableError(`holiday table is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The tables shipped with the kiosk (holidays/*.json). */
export const BUNDLED_HOLIDAY_TABLES: readonly HolidayTable[] = [
  table2025,
  table2026,
  table2027,
].map(parseHolidayTable);
