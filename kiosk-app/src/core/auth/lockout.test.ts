import { describe, expect, it } from 'vitest';
import type { AuthClock } from './auth-clock';
import { BASE_LOCKOUT_MS, lockDurationMs, LockTimer, MAX_LOCKOUT_MS } from './lockout';

function clocks() {
  const t = { mono: 1_000, wall: Date.parse('2026-11-28T02:00:00Z') };
  const clock: AuthClock = { monotonicMs: () => t.mono, wallMs: () => t.wall };
  return { t, clock };
}

describe('lockDurationMs', () => {
  it('starts at the third failure, doubles, and stops at a day', () => {
    expect([1, 2, 3, 4, 5].map(lockDurationMs)).toEqual([
      0,
      0,
      BASE_LOCKOUT_MS,
      2 * BASE_LOCKOUT_MS,
      4 * BASE_LOCKOUT_MS,
    ]);
    expect(lockDurationMs(1_000)).toBe(MAX_LOCKOUT_MS);
  });
});

describe('LockTimer', () => {
  it('times a lock on the monotonic clock whatever the wall clock does', () => {
    const { t, clock } = clocks();
    const timer = new LockTimer(clock);
    const stored = timer.start('a', 30_000);
    t.wall += 3_600_000;
    expect(timer.remainingMs('a', stored)).toBe(30_000);
    t.wall -= 7_200_000;
    t.mono += 30_000;
    expect(timer.remainingMs('a', stored)).toBe(0);
  });

  it('after a restart, never gives a stored lock more than its length', () => {
    const { t, clock } = clocks();
    const stored = new LockTimer(clock).start('a', 60_000);
    t.wall -= 3_600_000; // clock stepped back while the kiosk was off
    const restarted = new LockTimer(clock);
    expect(restarted.remainingMs('a', stored)).toBe(60_000);
    t.mono += 60_000;
    expect(restarted.remainingMs('a', stored)).toBe(0);
  });

  it('after a restart, counts the time the kiosk was off', () => {
    const { t, clock } = clocks();
    const stored = new LockTimer(clock).start('a', 60_000);
    t.wall += 20_000;
    expect(new LockTimer(clock).remainingMs('a', stored)).toBe(40_000);
  });
});
