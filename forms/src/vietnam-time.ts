/**
 * Wall-clock arithmetic in Asia/Ho_Chi_Minh. Vietnam has kept UTC+07:00 without daylight saving
 * since 1975, so a fixed offset is exact for every date the kiosk handles; using it explicitly
 * keeps results independent of the machine's TZ setting (a kiosk imaged in another zone must
 * still give the same appointment).
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** A calendar day in Vietnam, `YYYY-MM-DD`. */
export type LocalDate = string;

/** A moment as Vietnamese wall-clock minutes since 1970-01-01 00:00 local time. */
export type LocalMinutes = number;

export function toLocalMinutes(instant: Date): LocalMinutes {
  return Math.floor(instant.getTime() / MINUTE_MS) + VIETNAM_UTC_OFFSET_MINUTES;
}

export function fromLocalMinutes(local: LocalMinutes): Date {
  return new Date((local - VIETNAM_UTC_OFFSET_MINUTES) * MINUTE_MS);
}

export function localDateOf(local: LocalMinutes): LocalDate {
  return new Date(Math.floor(local / DAY_MINUTES) * DAY_MINUTES * MINUTE_MS)
    .toISOString()
    .slice(0, 10);
}

/** Today's calendar day in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): LocalDate {
  return localDateOf(toLocalMinutes(now));
}

/** Minutes since local midnight. */
export function minuteOfDay(local: LocalMinutes): number {
  return ((local % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

export function startOfLocalDay(date: LocalDate): LocalMinutes {
  return Date.parse(`${date}T00:00:00Z`) / MINUTE_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOf(startOfLocalDay(date) + days * DAY_MINUTES);
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** ISO 8601 with the explicit +07:00 offset, e.g. `2026-02-23T07:00:00+07:00`. */
export function formatVietnamIso(instant: Date): string {
  const local = toLocalMinutes(instant);
  const hh = String(Math.floor(minuteOfDay(local) / 60)).padStart(2, '0');
  const mm = String(minuteOfDay(local) % 60).padStart(2, '0');
  return `${localDateOf(local)}T${hh}:${mm}:00+07:00`;
}

/**
 * Parses the `--received` / API form: an ISO date-time with an offset, or without one meaning
 * Vietnamese local time (never the machine's zone).
 */
export function parseKioskDateTime(text: string): Date | undefined {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [, date, hh = '00', mi = '00', ss = '00', zone] = m;
  const offset =
    zone === undefined
      ? '+07:00'
      : zone === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = new Date(`${date}T${hh}:${mi}:${ss}${offset}`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) === 'Invalid')
    return undefined;
  // Reject rolled-over dates such as 2026-02-30.
  if (zone === undefined && localDateOf(toLocalMinutes(parsed)) !== date) return undefined;
  return parsed;
}
