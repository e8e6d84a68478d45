/**
 * The core's log as timed events, for benches that split a journey into stages: each log line is
 * JSON with `at` (ISO time), `level` and `event` first (kiosk-app/src/core/log/logger.ts).
 */
export interface LoggedEvent {
  /** Milliseconds since the epoch, from the line's `at`. */
  readonly at: number;
  readonly event: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lines that are log events; anything else (a stray print, a cut line) is skipped. */
export function loggedEvents(lines: readonly string[]): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isRecord(parsed)) continue;
    const { at, event, ...fields } = parsed;
    if (typeof at !== 'string' || typeof event !== 'string') continue;
    const time = Date.parse(at);
    if (Number.isNaN(time)) continue;
    events.push({ at: time, event, fields });
  }
  return events;
}

/**
 * The first event named `event` at or after `since` whose fields include `match`, or an error
 * naming what was awaited (a bench that cannot split a run says so instead of reporting zero).
 */
export function firstEventAfter(
  events: readonly LoggedEvent[],
  since: number,
  event: string,
  match: Readonly<Record<string, unknown>> = {},
): LoggedEvent {
  const found = events.find(
    (e) =>
      e.at >= since &&
      e.event === event &&
      Object.entries(match).every(([key, value]) => e.fields[key] === value),
  );
  if (!found) throw new Error(`no "${event}" ${JSON.stringify(match)} logged after ${since}`);
  return found;
}
