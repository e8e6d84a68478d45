import { describe, expect, it } from 'vitest';
import type { AuthClock } from './auth-clock';
import { SIGN_IN_LIMITS, SignInGuard } from './sign-in-guard';

function guardAt(limits = SIGN_IN_LIMITS) {
  const t = { now: 0 };
  const clock: AuthClock = { monotonicMs: () => t.now, wallMs: () => 1_700_000_000_000 + t.now };
  return { t, guard: new SignInGuard(limits, clock) };
}

describe('sign-in limits', () => {
  it('keeps the limits a person at the PIN pad stays far below', () => {
    expect(SIGN_IN_LIMITS).toEqual({
      perConnection: { burst: 5, refillMs: 5_000 },
      overall: { burst: 10, refillMs: 3_000 },
      maxSessions: 4,
    });
  });

  it('admits a burst on one connection, then says how long to wait', () => {
    const { t, guard } = guardAt();
    const connection = guard.connectionBucket();
    for (let i = 0; i < 5; i++) expect(guard.admit(connection)).toEqual({ ok: true });
    expect(guard.admit(connection)).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: 5_000,
    });
    t.now += 5_000;
    expect(guard.admit(connection)).toEqual({ ok: true });
  });

  it('limits guesses sprayed over many connections by the overall allowance', () => {
    const { t, guard } = guardAt();
    // The attack: a fresh connection for every guess, so no connection ever runs out.
    const results = Array.from({ length: 12 }, () => guard.admit(guard.connectionBucket()));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[10]).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 3_000 });
    t.now += 3_000;
    expect(guard.admit(guard.connectionBucket())).toEqual({ ok: true });
  });

  it('takes a try from neither allowance when one of them is spent', () => {
    const { t, guard } = guardAt({
      perConnection: { burst: 1, refillMs: 1_000 },
      overall: { burst: 2, refillMs: 10_000 },
      maxSessions: 1,
    });
    const spent = guard.connectionBucket();
    expect(guard.admit(spent).ok).toBe(true);
    // Refused on the connection: the overall try it would have used is still there.
    expect(guard.admit(spent).ok).toBe(false);
    expect(guard.admit(guard.connectionBucket()).ok).toBe(true);
    expect(guard.admit(guard.connectionBucket())).toEqual({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: 10_000,
    });
    t.now += 1_000;
    // The longer of the two waits is the one reported.
    expect(guard.admit(spent)).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 9_000 });
  });

  it('opens at most maxSessions sessions, once per holder, and frees a place on close', () => {
    const { guard } = guardAt();
    const holders = Array.from({ length: 5 }, () => ({}));
    expect(holders.map((h) => guard.openSession(h))).toEqual([true, true, true, true, false]);
    expect(guard.openSession(holders[0] ?? {})).toBe(true);
    guard.closeSession(holders[1] ?? {});
    expect(guard.openSession(holders[4] ?? {})).toBe(true);
    expect(guard.openSession({})).toBe(false);
  });
});
