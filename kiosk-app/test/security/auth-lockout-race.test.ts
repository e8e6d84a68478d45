/**
 * Attack (issue 14, item 1): the PIN lockout raced by concurrent guesses. The core handles API
 * frames concurrently; a sign-in that read the failure count, awaited scrypt and then wrote
 * count+1 let 80 guesses sent at once all be checked against an unlocked account, and the right
 * PIN among them was accepted. Real API server over WebSockets, SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { startStaffApi, type StaffApi } from '../staff/staff-api-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

const USER = 'lan';
const PIN = '482913';
const GUESSES = 80;
const CONNECTIONS = 4;

let env: StaffApi;

beforeAll(async () => {
  env = await startStaffApi();
  await env.accounts.create(USER, 'staff', PIN);
});
afterAll(async () => env?.stop());

function wrongPin(n: number): string {
  return String(100_000 + n);
}

describe('concurrent PIN guesses', () => {
  it('80 guesses at once over several connections: the right PIN is not accepted, the account is locked', async () => {
    const clients = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => TestClient.connect(env.server)),
    );
    // Every connection fires its share at once; the right PIN is the last frame of the last
    // connection, after three wrong ones on that same connection, so the lock must stop it.
    const pending: Promise<Reply>[] = [];
    for (let i = 0; i < GUESSES; i += 1) {
      const client = clients[i % CONNECTIONS]!;
      const pin = i === GUESSES - 1 ? PIN : wrongPin(i);
      pending.push(client.request({ type: 'auth.signIn', role: 'staff', user: USER, pin }));
    }
    const replies = await Promise.all(pending);

    const accepted = replies.filter((r) => r.ok);
    expect(accepted).toHaveLength(0);
    expect(replies.at(-1)).toMatchObject({ ok: false });
    for (const client of clients) {
      const last = [...client.received].reverse().find((m) => m.type === 'session');
      expect(last).toMatchObject({ session: { role: 'citizen' } });
    }

    // Nothing reset the count: the account is locked and refuses even the right PIN.
    const row = env.db
      .prepare('SELECT failures FROM accounts WHERE user = ? AND role = ?')
      .get(USER, 'staff') as { failures: number };
    expect(row.failures).toBeGreaterThanOrEqual(3);
    const fresh = await TestClient.connect(env.server);
    const again = await fresh.request({ type: 'auth.signIn', role: 'staff', user: USER, pin: PIN });
    expect(again).toMatchObject({ ok: false });
    expect(again.ok ? undefined : again.error.code).not.toBe('SIGN_IN_FAILED');
    for (const client of [...clients, fresh]) client.close();
  });
});
