/**
 * Sign-in against a locked account (issue 14): how many guesses per second an attacker gets
 * through the real API server over WebSockets, how they are answered, and how many were
 * accepted after the lockout (want 0; the right PIN is among them). Also the cost of one PIN
 * hash at the current and the earlier scrypt parameters, which is what an offline search of a
 * copied database pays per guess.
 */
import type { BenchModule } from '../../scripts/bench';
import { median, round } from '../../scripts/stats';
import type { ServerMessage } from '@kiosk/protocol';
import {
  CURRENT_SCRYPT,
  hashPin,
  LEGACY_SCRYPT,
  newSalt,
  type ScryptCost,
} from '../src/core/auth/pin-hash';
import { TestClient } from '../test/core-harness';
import { startStaffApi } from '../test/staff/staff-api-harness';

const PIN = '482913';
const CONNECTIONS = 8;
const ATTACK_MS = 10_000;
const HASH_SAMPLES = 5;

type Reply = Extract<ServerMessage, { type: 'reply' }>;

async function hashCostMs(cost: ScryptCost): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < HASH_SAMPLES; i += 1) {
    const start = performance.now();
    await hashPin('123456', newSalt(), cost);
    samples.push(performance.now() - start);
  }
  return round(median(samples), 1);
}

async function attackLockedAccount(): Promise<Record<string, unknown>> {
  const env = await startStaffApi();
  try {
    await env.accounts.create('lan', 'staff', PIN);
    const locker = await TestClient.connect(env.server);
    for (const pin of ['100000', '100001', '100002'])
      await locker.request({ type: 'auth.signIn', role: 'staff', user: 'lan', pin });
    locker.close();

    const clients = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => TestClient.connect(env.server)),
    );
    const codes: Record<string, number> = {};
    let sent = 0;
    let accepted = 0;
    const end = performance.now() + ATTACK_MS;
    // Each connection keeps one guess in flight; every tenth guess is the right PIN.
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < end) {
          const pin = sent % 10 === 9 ? PIN : String(200_000 + sent);
          sent += 1;
          const reply: Reply = await client.request({
            type: 'auth.signIn',
            role: 'staff',
            user: 'lan',
            pin,
          });
          const code = reply.ok ? 'OK' : reply.error.code;
          codes[code] = (codes[code] ?? 0) + 1;
          if (reply.ok) accepted += 1;
        }
      }),
    );
    for (const client of clients) client.close();
    return {
      connections: CONNECTIONS,
      seconds: ATTACK_MS / 1000,
      guessesSent: sent,
      guessesPerSecond: round(sent / (ATTACK_MS / 1000), 1),
      acceptedAfterLockout: accepted,
      answers: codes,
    };
  } finally {
    await env.stop();
  }
}

const bench: BenchModule = {
  name: 'sign-in',
  async run() {
    return {
      lockedAccount: await attackLockedAccount(),
      pinHashMs: {
        current: { ...CURRENT_SCRYPT, ms: await hashCostMs(CURRENT_SCRYPT) },
        legacy: { ...LEGACY_SCRYPT, ms: await hashCostMs(LEGACY_SCRYPT) },
      },
    };
  },
};

export default bench;
