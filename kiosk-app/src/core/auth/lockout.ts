import type { AuthClock } from './auth-clock';

/** Failures before a lockout; each further failure doubles it. */
export const FREE_ATTEMPTS = 3;
export const BASE_LOCKOUT_MS = 30_000;
/** The doubling stops at a day, so a forgotten account is not locked for years. */
export const MAX_LOCKOUT_MS = 24 * 3_600_000;

/** How long the `failures`-th consecutive failure locks the account (0: not yet). */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCKOUT_MS, BASE_LOCKOUT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 32));
}

/** A lock as stored: its wall-clock end and its length, both in ms. */
export interface StoredLock {
  readonly lockedUntil: number;
  readonly lockMs: number;
}

/**
 * Lock windows measured on the monotonic clock.
 *
 * A lock is stored as its wall-clock end plus its length, because the monotonic clock starts
 * again with each process and a lock must survive a restart (or be seen by the `kiosk` command
 * working on the database). Inside a process, the lock is timed on the monotonic clock from the
 * moment this process first saw it, so a clock step during the lock changes nothing. When a
 * process meets a lock it did not set (after a restart, or set by another process) it converts the
 * stored end to a remaining time once, capped at the lock's full length: a wall clock that went
 * back can never make a lock longer than it was given; one that went forward while the kiosk
 * was off may shorten it, which is the price of surviving restarts without a trusted clock.
 */
export class LockTimer {
  private readonly seen = new Map<string, { lockedUntil: number; deadline: number }>();

  constructor(private readonly clock: AuthClock) {}

  /** A new lock of `lockMs` from now; returns what to store. */
  start(key: string, lockMs: number): StoredLock {
    const lockedUntil = this.clock.wallMs() + lockMs;
    this.seen.set(key, { lockedUntil, deadline: this.clock.monotonicMs() + lockMs });
    return { lockedUntil, lockMs };
  }

  /** Milliseconds the stored lock still runs (0: not locked). */
  remainingMs(key: string, stored: StoredLock): number {
    if (stored.lockedUntil <= 0 || stored.lockMs <= 0) return 0;
    let entry = this.seen.get(key);
    if (!entry || entry.lockedUntil !== stored.lockedUntil) {
      const left = Math.min(stored.lockMs, Math.max(0, stored.lockedUntil - this.clock.wallMs()));
      entry = { lockedUntil: stored.lockedUntil, deadline: this.clock.monotonicMs() + left };
      this.seen.set(key, entry);
    }
    return Math.max(0, Math.ceil(entry.deadline - this.clock.monotonicMs()));
  }

  forget(key: string): void {
    this.seen.delete(key);
  }
}
