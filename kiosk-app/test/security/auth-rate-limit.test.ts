/**
 * Attack (issue 14, item 2): unlimited sign-in attempts. The per-account lockout does not stop
 * an attacker who sprays one guess at many user names, or who opens many connections; and any
 * number of staff/technician sessions could be held open at once. Real API server over
 * WebSockets, SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { startStaffApi, type StaffApi } from '../staff/staff-api-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

let env: StaffApi;
beforeEach(async () => {
  env = await startStaffApi();
});
afterEach(async () => env?.stop());

const codeOf = (reply: Reply) => (reply.ok ? 'OK' : reply.error.code);

let nextId = 10_000;

/** Like `TestClient.request`, but waits as long as admitted scrypt checks take on a busy machine. */
function slowRequest(client: TestClient, command: Record<string, unknown>): Promise<Reply> {
  const id = nextId++;
  client.sendRaw(JSON.stringify({ ...command, id }));
  return client.waitFor((m): m is Reply => m.type === 'reply' && m.id === id, 120_000);
}

function spray(client: TestClient, count: number, from = 0): Promise<Reply[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      slowRequest(client, {
        type: 'auth.signIn',
        role: 'staff',
        user: `u${from + i}`,
        pin: '123456',
      }),
    ),
  );
}

describe('sign-in rate limits', () => {
  it('one connection spraying guesses at many user names is slowed down', async () => {
    const client = await TestClient.connect(env.server);
    const codes = (await spray(client, 40)).map(codeOf);
    expect(codes).not.toContain('OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(20);
    client.close();
  });

  it('many connections together are held to an overall limit', async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => TestClient.connect(env.server)),
    );
    // Three attempts each stays inside any one connection's allowance.
    const replies = (await Promise.all(clients.map((c, i) => spray(c, 3, i * 3)))).flat();
    const codes = replies.map(codeOf);
    expect(codes).not.toContain('OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(20);
    for (const client of clients) client.close();
  });

  it('a rate-limited attempt is refused even with the right PIN, and costs no lockout', async () => {
    await env.accounts.create('lan', 'staff', '482913');
    const client = await TestClient.connect(env.server);
    // Sent in the same burst as the spray, so no allowance comes back in between.
    const sprayed = spray(client, 30);
    const right = await slowRequest(client, {
      type: 'auth.signIn',
      role: 'staff',
      user: 'lan',
      pin: '482913',
    });
    await sprayed;
    expect(codeOf(right)).toBe('RATE_LIMITED');
    const row = env.db.prepare("SELECT failures FROM accounts WHERE user = 'lan'").get() as {
      failures: number;
    };
    expect(row.failures).toBe(0);
    client.close();
  });
});

describe('concurrent staff and technician sessions', () => {
  it('are capped; a signed-out session frees its place', async () => {
    const users = Array.from({ length: 6 }, (_, i) => `nv${i}`);
    for (const user of users) await env.accounts.create(user, 'staff', '482913');
    const clients: TestClient[] = [];
    const codes: string[] = [];
    for (const user of users) {
      const client = await TestClient.connect(env.server);
      clients.push(client);
      const reply = await client.request({
        type: 'auth.signIn',
        role: 'staff',
        user,
        pin: '482913',
      });
      codes.push(codeOf(reply));
    }
    expect(codes.filter((c) => c === 'OK').length).toBeLessThan(users.length);
    expect(codes).toContain('TOO_MANY_SESSIONS');
    const refusedAt = codes.indexOf('TOO_MANY_SESSIONS');
    await clients[0]!.request({ type: 'auth.signOut' });
    const retry = await clients[refusedAt]!.request({
      type: 'auth.signIn',
      role: 'staff',
      user: users[refusedAt]!,
      pin: '482913',
    });
    expect(codeOf(retry)).toBe('OK');
    for (const client of clients) client.close();
  });
});
