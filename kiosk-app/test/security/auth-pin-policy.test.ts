/**
 * Attack (issue 14, item 4): 4-digit PINs (10 000 guesses) and a cheap hash. New accounts and PIN
 * changes need 6 to 12 digits; an account that still has a shorter PIN (made before this rule)
 * gets no session until its holder sets a new one at sign-in (`newPin`). The stored hash of such
 * an account is re-made with the current, costlier scrypt parameters. Real API server over
 * WebSockets, SQLite file.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { startStaffApi, type StaffApi } from '../staff/staff-api-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;
const codeOf = (reply: Reply) => (reply.ok ? 'OK' : reply.error.code);

/** The parameters every account was hashed with before issue 14. */
const LEGACY_SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

let env: StaffApi;
beforeAll(async () => {
  env = await startStaffApi();
});
afterAll(async () => env?.stop());

/** An account as an older kiosk stored it: a 4-digit PIN under the old scrypt cost. */
function insertLegacyAccount(user: string, pin: string): void {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, LEGACY_SCRYPT);
  env.db
    .prepare(
      `INSERT INTO accounts (user, role, salt, hash, created_at) VALUES (?, 'staff', ?, ?, ?)`,
    )
    .run(user, salt, hash, '2025-01-01T00:00:00.000Z');
}

describe('PIN length', () => {
  it('first-run setup and new accounts refuse a PIN shorter than 6 digits', async () => {
    const client = await TestClient.connect(env.server);
    const issued = await env.setupCodes.issue();
    const code = issued.ok ? issued.code : '';
    const setupShort = await client.request({
      type: 'setup.createTechnician',
      user: 'kt1',
      pin: '1234',
      code,
    });
    expect(codeOf(setupShort)).toBe('BAD_MESSAGE');
    expect(
      (await client.request({ type: 'setup.createTechnician', user: 'kt1', pin: '135790', code }))
        .ok,
    ).toBe(true);
    await client.request({ type: 'auth.signIn', role: 'technician', user: 'kt1', pin: '135790' });
    for (const pin of ['1234', '12345']) {
      const reply = await client.request({
        type: 'accounts.create',
        role: 'staff',
        user: `s${pin}`,
        pin,
      });
      expect(codeOf(reply)).toBe('BAD_MESSAGE');
    }
    await expect(env.accounts.create('direct', 'staff', '4321')).rejects.toThrow(/6 to 12 digits/);
    client.close();
  });

  it('an old 4-digit PIN opens no session until it is replaced, then only the new PIN works', async () => {
    insertLegacyAccount('cu', '4321');
    const client = await TestClient.connect(env.server);
    const signIn = (pin: string, newPin?: string) =>
      client.request({ type: 'auth.signIn', role: 'staff', user: 'cu', pin, newPin });

    const plain = await signIn('4321');
    expect(codeOf(plain)).toBe('PIN_CHANGE_REQUIRED');
    expect(plain.ok ? '' : plain.error.message).toMatch(/6/);
    expect(await client.request({ type: 'receipts.find' })).toMatchObject({ ok: false });

    expect(codeOf(await signIn('4321', '9876'))).toBe('BAD_MESSAGE');
    expect(codeOf(await signIn('4321', '987654'))).toBe('OK');
    await client.request({ type: 'auth.signOut' });
    expect(codeOf(await signIn('4321'))).toBe('SIGN_IN_FAILED');
    expect(codeOf(await signIn('987654'))).toBe('OK');

    const row = env.db.prepare("SELECT salt, hash FROM accounts WHERE user = 'cu'").get() as {
      salt: Buffer;
      hash: Buffer;
    };
    // The new hash is not the legacy scrypt cost any more.
    expect(scryptSync('987654', row.salt, 32, LEGACY_SCRYPT).equals(row.hash)).toBe(false);
    client.close();
  });

  it('a wrong guess with a new PIN attached changes nothing', async () => {
    insertLegacyAccount('ba', '1111');
    const client = await TestClient.connect(env.server);
    const reply = await client.request({
      type: 'auth.signIn',
      role: 'staff',
      user: 'ba',
      pin: '2222',
      newPin: '555555',
    });
    expect(codeOf(reply)).toBe('SIGN_IN_FAILED');
    const next = await client.request({
      type: 'auth.signIn',
      role: 'staff',
      user: 'ba',
      pin: '555555',
    });
    expect(codeOf(next)).toBe('SIGN_IN_FAILED');
    client.close();
  });
});
