/**
 * Attack (issue 13, "First start"): on a fresh kiosk nothing created the first technician, and
 * until one existed any citizen session could run first-run setup (`setup.createTechnician`,
 * role 'any') and make itself technician: a takeover of every new kiosk by whoever touched it
 * first. The real core, over its real WebSocket API, from a session that never signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;
const codeOf = (reply: Reply) => (reply.ok ? 'OK' : reply.error.code);

let kiosk: CoreUnderTest;
beforeAll(async () => {
  kiosk = await startCoreUnderTest();
});
afterAll(async () => kiosk?.core.stop());

describe('first-run setup from a citizen session', () => {
  it('creates no technician on a fresh core, with or without a made-up code', async () => {
    const citizen = await TestClient.connect(kiosk.core);
    expect(kiosk.core.accounts.count('technician')).toBe(0);

    const bare = await citizen.request({
      type: 'setup.createTechnician',
      user: 'intruder',
      pin: '135790',
    });
    const guessed = await citizen.request({
      type: 'setup.createTechnician',
      user: 'intruder',
      pin: '135790',
      code: '0123456789',
    });

    expect(codeOf(bare)).not.toBe('OK');
    expect(codeOf(guessed)).toBe('SETUP_CODE_INVALID');
    expect(kiosk.core.accounts.count('technician')).toBe(0);
    const signIn = await citizen.request({
      type: 'auth.signIn',
      role: 'technician',
      user: 'intruder',
      pin: '135790',
    });
    expect(codeOf(signIn)).toBe('SIGN_IN_FAILED');
    expect(await citizen.request({ type: 'config.get' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    citizen.close();
  });
});
