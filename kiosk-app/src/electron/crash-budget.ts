/**
 * How often a supervised thing (the core process, the renderer) may crash before the shell stops
 * restarting it in place and relaunches the whole app, and how long to wait before each restart.
 *
 * Exponential back-off (base * 2^(n-1), capped) keeps a crash loop from burning the CPU and
 * flooding the log; the sliding window turns "crashed 5 times in 10 minutes" into a relaunch,
 * which clears state a restart in place cannot (a wedged GPU process, a leaked device handle).
 * Pure: the caller passes the time, so tests drive it with a simulated clock.
 */
export interface CrashBudgetPolicy {
  /** First restart delay. */
  baseDelayMs: number;
  /** Longest restart delay. */
  maxDelayMs: number;
  /** Crashes tolerated inside `windowMs` before asking for an app relaunch. */
  maxCrashes: number;
  windowMs: number;
}

export const CORE_CRASH_POLICY: CrashBudgetPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

export const RENDERER_CRASH_POLICY: CrashBudgetPolicy = {
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxCrashes: 5,
  windowMs: 10 * 60_000,
};

export type CrashDecision =
  | { action: 'restart'; delayMs: number; crashesInWindow: number }
  | { action: 'relaunch-app'; crashesInWindow: number };

export class CrashBudget {
  private crashTimes: number[] = [];

  constructor(private readonly policy: CrashBudgetPolicy) {}

  /** Records a crash at `now` (ms) and says what to do about it. */
  recordCrash(now: number): CrashDecision {
    this.crashTimes = this.crashTimes.filter((t) => now - t < this.policy.windowMs);
    this.crashTimes.push(now);
    const crashesInWindow = this.crashTimes.length;
    if (crashesInWindow > this.policy.maxCrashes) {
      return { action: 'relaunch-app', crashesInWindow };
    }
    const exponent = crashesInWindow - 1;
    const delayMs = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** exponent);
    return { action: 'restart', delayMs, crashesInWindow };
  }
}
