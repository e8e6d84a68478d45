/**
 * The two clocks sign-in needs. Session idle limits and lockout windows are durations, so they
 * run on the monotonic clock, which no NTP correction, time-zone change or technician setting
 * the date can move; the wall clock only stamps what is stored for a later process to read.
 */
export interface AuthClock {
  /** Milliseconds on a clock that only moves forward (`performance.now()`); not a date. */
  monotonicMs(): number;
  /** Milliseconds since the epoch (`Date.now()`); may jump either way. */
  wallMs(): number;
}

/** The process clocks, read at each call (so a test's faked `performance`/`Date` apply). */
export const systemAuthClock: AuthClock = {
  monotonicMs: () => performance.now(),
  wallMs: () => Date.now(),
};
