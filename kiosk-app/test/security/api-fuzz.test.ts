/**
 * Fuzz run on the API (issue 14, item 7): random frames (valid and invalid JSON, every message
 * type with random fields, valid staff/technician requests, sign-ins with random roles, users and
 * wrong PINs, connections with random tokens) sent with random concurrency over real WebSocket
 * connections to the real API server on a temporary SQLite file. Nobody in the run knows a PIN,
 * so any staff/technician reply, any non-citizen session, an INTERNAL error or a server that
 * stops answering is a finding. Bounded in runs and in time.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, type ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { startStaffApi, type StaffApi } from '../staff/staff-api-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

const TYPES = Object.keys(MESSAGES);
const PRIVILEGED = new Set(
  Object.entries(MESSAGES)
    .filter(([, { role }]) => role !== 'any' && role !== 'citizen')
    .map(([type]) => type),
);
/** Well-formed staff/technician requests, so the role check itself is what answers. */
const PRIVILEGED_REQUESTS: Record<string, unknown>[] = [
  { type: 'receipts.find' },
  { type: 'receipts.reprint', dossierCode: 'H01-261128-1001' },
  { type: 'outbox.list' },
  { type: 'audit.recent', limit: 10 },
  { type: 'health' },
  { type: 'devices.list' },
  { type: 'config.get' },
  { type: 'config.set', settings: { centreName: 'Fuzz' } },
  { type: 'config.apply', bundle: '{"format":"cccd-kiosk-config/1"}' },
  { type: 'accounts.create', role: 'technician', user: 'fuzz', pin: '123456' },
  { type: 'logs.export' },
];
const USERS = ['lan', 'kt1', 'ghost', '', 'a'.repeat(70), 'kt1\u0000', 'LAN'];

const field = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.stringMatching(/^\d{4,13}$/),
  fc.constantFrom('staff', 'technician', 'citizen', 'admin', 'root'),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const signIn = fc.record({
  type: fc.constant('auth.signIn'),
  role: fc.constantFrom('staff', 'technician', 'citizen', 'admin'),
  user: fc.constantFrom(...USERS),
  // Six digits that are not the accounts' PINs, or anything else.
  pin: fc.oneof(fc.stringMatching(/^[0-8]\d{5}$/), fc.string({ maxLength: 14 })),
  newPin: fc.option(fc.stringMatching(/^\d{6}$/), { nil: undefined }),
});

const message = fc.oneof(
  signIn,
  fc.constantFrom(...PRIVILEGED_REQUESTS),
  fc.record({ type: fc.constantFrom(...TYPES) }),
  fc
    .tuple(
      fc.constantFrom(...TYPES),
      fc.dictionary(
        fc.constantFrom(
          'role',
          'user',
          'pin',
          'newPin',
          'settings',
          'dossierCode',
          'citizenIndex',
          'code',
          'limit',
          'from',
          'assignment',
        ),
        field,
        { maxKeys: 4 },
      ),
    )
    .map(([type, rest]) => ({ ...rest, type })),
);

type Frame = { kind: 'message'; body: Record<string, unknown> } | { kind: 'raw'; text: string };

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 6, arbitrary: message.map((body) => ({ kind: 'message' as const, body })) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ kind: 'raw' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ kind: 'raw' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(message, fc.oneof(fc.string(), fc.double(), fc.constant(null)))
      .map(([body, id]) => ({ kind: 'raw' as const, text: JSON.stringify({ ...body, id }) })),
  },
);

let env: StaffApi;
let nextId = 1;

beforeAll(async () => {
  env = await startStaffApi();
  await env.accounts.create('lan', 'staff', '975310');
  await env.accounts.create('kt1', 'technician', '913579');
});
afterAll(async () => env?.stop());

/** Each frame as text; a message gets a fresh id, remembered with its type. */
function encode(frames: readonly Frame[], types: Map<number, string>): string[] {
  return frames.map((f) => {
    if (f.kind === 'raw') return f.text;
    const id = nextId++;
    types.set(id, String(f.body.type));
    return JSON.stringify({ ...f.body, id });
  });
}

/** Sends every frame, then waits for one reply per frame (each text frame gets exactly one). */
async function play(client: TestClient, frames: readonly string[]): Promise<Reply[]> {
  for (const text of frames) client.sendRaw(text);
  const replies = () => client.received.filter((m): m is Reply => m.type === 'reply');
  const deadline = Date.now() + 60_000;
  while (replies().length < frames.length && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return replies();
}

describe('API fuzz', () => {
  it('no privilege escalation, no crash', { timeout: 300_000 }, async () => {
    const findings: string[] = [];
    const frameType = new Map<number, string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(frame, { minLength: 1, maxLength: 15 }), { minLength: 1, maxLength: 3 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        async (perConnection, badToken) => {
          if (badToken !== undefined && badToken !== env.server.token) {
            // Refused: closed with 4401 before the core says anything (or refused outright).
            const refusal = await TestClient.refusal(env.server, badToken);
            expect(refusal.frames).toBe(0);
            expect(refusal.closeCode === 4401 || refusal.httpStatus !== undefined).toBe(true);
          }
          const clients = await Promise.all(
            perConnection.map(() => TestClient.connect(env.server)),
          );
          const texts = perConnection.map((frames) => encode(frames, frameType));
          // Frames of all connections go out at once: the core handles them concurrently.
          const all = await Promise.all(clients.map((c, i) => play(c, texts[i]!)));
          all.forEach((replies, i) => {
            expect(replies.length).toBe(perConnection[i]!.length);
            for (const reply of replies) {
              if (!reply.ok && reply.error.code === 'INTERNAL')
                findings.push(`INTERNAL for ${JSON.stringify(reply)}`);
              const type = reply.id === null ? undefined : frameType.get(reply.id);
              if (reply.ok && type !== undefined && PRIVILEGED.has(type))
                findings.push(`privileged reply to ${type}`);
              if (reply.ok && type === 'auth.signIn') findings.push('sign-in without the PIN');
            }
            for (const m of clients[i]!.received)
              if (m.type === 'session' && m.session.role !== 'citizen')
                findings.push(`session became ${m.session.role}`);
          });
          // Still alive: a fresh connection is answered.
          const probe = await TestClient.connect(env.server);
          expect((await probe.request({ type: 'catalogue.list' })).ok).toBe(true);
          for (const client of [...clients, probe]) client.close();
          expect(findings).toEqual([]);
        },
      ),
      { numRuns: 25, interruptAfterTimeLimit: 180_000 },
    );
    expect(findings).toEqual([]);
  });
});
