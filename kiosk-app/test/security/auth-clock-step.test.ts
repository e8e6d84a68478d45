/**
 * Attack (issue 14, item 3): staff sessions and lockouts ran on the wall clock, so a clock step
 * back (NTP correction, a technician setting the time, a dead RTC battery) kept an idle session
 * open and stretched a lockout, and a step forward ended a lockout early. Only `Date` and
 * `performance` are faked here: the wall clock is stepped alone, while the monotonic clock moves
 * with real elapsed time. Real API server over WebSockets, SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STAFF_SESSION_IDLE_MS } from '../../src/core/api/api-session';
import { TestClient } from '../core-harness';
import { startStaffApi, type StaffApi } from '../staff/staff-api-harness';

const HOUR = 3_600_000;
let env: StaffApi;

beforeAll(async () => {
  // Before the server starts, so every clock the core reads is the faked one.
  vi.useFakeTimers({ toFake: ['Date', 'performance'] });
  env = await startStaffApi();
  await env.accounts.create('lan', 'staff', '482913');
  await env.accounts.create('minh', 'staff', '246810');
  await env.accounts.create('hoa', 'staff', '135790');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.stop();
});

/** The wall clock jumps by `ms` while no real time passes. */
function stepWallClock(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

describe('a wall-clock step', () => {
  it('back does not keep an idle staff session open', async () => {
    const client = await TestClient.connect(env.server);
    const signIn = { type: 'auth.signIn', role: 'staff', user: 'lan', pin: '482913' } as const;
    expect((await client.request(signIn)).ok).toBe(true);
    stepWallClock(-HOUR);
    vi.advanceTimersByTime(STAFF_SESSION_IDLE_MS + 1_000);
    expect(await client.request({ type: 'receipts.find' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    client.close();
  });

  it('forward does not end a lockout early', async () => {
    const client = await TestClient.connect(env.server);
    const attempt = (pin: string) =>
      client.request({ type: 'auth.signIn', role: 'staff', user: 'minh', pin });
    for (const pin of ['000000', '000001', '000002']) await attempt(pin);
    stepWallClock(2 * HOUR);
    expect(await attempt('246810')).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    client.close();
  });

  it('back does not stretch a lockout', async () => {
    const client = await TestClient.connect(env.server);
    const attempt = (pin: string) =>
      client.request({ type: 'auth.signIn', role: 'staff', user: 'hoa', pin });
    for (const pin of ['000000', '000001', '000002']) await attempt(pin);
    stepWallClock(-HOUR);
    // The first lock is 30 s; advancing moves both clocks, so the wall clock stays an hour back.
    vi.advanceTimersByTime(31_000);
    expect(await attempt('135790')).toMatchObject({ ok: true });
    client.close();
  });
});
