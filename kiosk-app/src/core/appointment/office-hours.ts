/**
 * Office hours of a service centre: ordered, non-overlapping periods of one working day.
 * The default is the usual schedule of public administration centres, 07:00–11:30 and
 * 13:30–17:00 (8 hours, so one working day = 8 working hours).
 */
export interface OfficePeriod {
  /** Minutes since local midnight. */
  readonly start: number;
  readonly end: number;
}

export class OfficeHoursError extends Error {
  override readonly name = 'OfficeHoursError';
  readonly code = 'OFFICE_HOURS_INVALID';
}

/** `HH:MM` (24 h) → minutes since midnight, or undefined when malformed. */
export function parseClock(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Parses `[['07:00','11:30'], ['13:30','17:00']]` into validated periods. */
export function officeHours(periods: readonly (readonly [string, string])[]): OfficePeriod[] {
  const parsed = periods.map(([from, to]) => {
    const start = parseClock(from);
    const end = parseClock(to);
    if (start === undefined || end === undefined || end <= start) {
      throw new OfficeHoursError(`office period ${from}–${to} is not a valid HH:MM range`);
    }
    return { start, end };
  });
  if (parsed.length === 0) throw new OfficeHoursError('office hours need at least one period');
  parsed.forEach((p, i) => {
    const next = parsed[i + 1];
    if (next && next.start < p.end) {
      throw new OfficeHoursError('office periods must be in order and must not overlap');
    }
  });
  return parsed;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = officeHours([
  ['07:00', '11:30'],
  ['13:30', '17:00'],
]);

export function workingMinutesPerDay(periods: readonly OfficePeriod[]): number {
  return periods.reduce((sum, p) => sum + (p.end - p.start), 0);
}
