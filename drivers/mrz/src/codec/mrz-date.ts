/**
 * MRZ dates are `YYMMDD` (ICAO 9303-3 §4.6.1). The century is not written, so it is chosen:
 * a birth date is the latest century that puts it no later than today; an expiry date is in this
 * century unless that puts it beyond `expiryWindowYears` from today (a CCCD issued at 14 expires
 * at 25, 40 or 60, so the window must reach ~50 years ahead).
 */
export interface MrzDateContext {
  /** Today; injected so tests and the century rule do not depend on the wall clock. */
  readonly today: Date;
  readonly expiryWindowYears?: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function todayIso(today: Date): string {
  return isoDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
}

function split(yymmdd: string): [number, number, number] | undefined {
  if (!/^[0-9]{6}$/.test(yymmdd)) return undefined;
  return [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))];
}

/** Returns the ISO birth date, or undefined when the date does not exist. */
export function birthDateFromMrz(yymmdd: string, ctx: MrzDateContext): string | undefined {
  const parts = split(yymmdd);
  if (!parts) return undefined;
  const [yy, mm, dd] = parts;
  const todayYear = ctx.today.getUTCFullYear();
  const century = Math.floor(todayYear / 100) * 100;
  let year = century + yy;
  // A birth date later than today belongs to the previous century.
  if (isoDate(year, mm, dd) > todayIso(ctx.today)) year -= 100;
  // 29 February only exists in leap years; check in the century finally chosen.
  return isCalendarDate(year, mm, dd) ? isoDate(year, mm, dd) : undefined;
}

/** Returns the ISO expiry date, or undefined when the date does not exist. */
export function expiryDateFromMrz(yymmdd: string, ctx: MrzDateContext): string | undefined {
  const parts = split(yymmdd);
  if (!parts) return undefined;
  const [yy, mm, dd] = parts;
  const todayYear = ctx.today.getUTCFullYear();
  const window = ctx.expiryWindowYears ?? 60;
  let year = Math.floor(todayYear / 100) * 100 + yy;
  if (year > todayYear + window) year -= 100;
  else if (year < todayYear + window - 100) year += 100;
  return isCalendarDate(year, mm, dd) ? isoDate(year, mm, dd) : undefined;
}

/** `YYYY-MM-DD` → `YYMMDD`. */
export function isoToMrzDate(iso: string): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return `${(m[1] ?? '').slice(2)}${m[2] ?? ''}${m[3] ?? ''}`;
}

export function isIsoCalendarDate(iso: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
