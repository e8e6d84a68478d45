import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../store/database';
import { DossierCodeAllocator, blockOfKiosk } from '../dossier-code/dossier-code';
import type { Dossier, DossierGateway, SubmitResult } from '../links/gateway/dossier-gateway';
import { Outbox, type DossierDraft } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';
import { OutboxWorker } from './outbox-worker';

/** An in-memory gateway twin that deduplicates by idempotency key, like the real one. */
class GatewayTwin implements DossierGateway {
  readonly received = new Map<string, Dossier>();
  submissions = 0;
  mode: 'up' | 'down' | 'reject' | 'throw' | 'ack-lost' = 'up';

  async submit(dossier: Dossier, key: string): Promise<SubmitResult> {
    this.submissions += 1;
    if (this.mode === 'down') return { kind: 'unavailable', reason: 'network', message: 'down' };
    if (this.mode === 'reject') return { kind: 'rejected', httpStatus: 422, message: 'invalid' };
    if (this.mode === 'throw') throw new Error('bug');
    const duplicate = this.received.has(key);
    if (!duplicate) this.received.set(key, dossier);
    if (this.mode === 'ack-lost')
      return { kind: 'unavailable', reason: 'timeout', message: 'no answer' };
    return { kind: 'accepted', code: dossier.code, status: 'received', duplicate };
  }

  async status(): Promise<never> {
    throw new Error('not used');
  }
}

const draft: DossierDraft = {
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: {
    personalId: '001090012345',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-01-15',
    sex: 'M',
  },
  form: { reason: 'test' },
};

function setup(clock = { now: Date.parse('2026-03-10T02:00:00Z') }) {
  const db = openDatabase(':memory:', OUTBOX_MIGRATIONS);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => clock.now,
  );
  const gateway = new GatewayTwin();
  const worker = new OutboxWorker(outbox, gateway, {
    backoff: { initialMs: 1000, maxMs: 60_000 },
    maxAttempts: 3,
    random: () => 1,
  });
  return { db, outbox, gateway, worker, clock };
}

describe('Outbox', () => {
  it('stores a dossier with its code and key before any network call', () => {
    const { outbox, gateway } = setup();
    const a = outbox.enqueue(draft);
    expect(a.code).toBe('H29-260310-3000');
    expect(a.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(outbox.list({ state: 'queued' }).map((e) => e.code)).toEqual([a.code]);
    expect(gateway.submissions).toBe(0);
  });

  it('sends queued dossiers once and clears the payload after the acknowledgement', async () => {
    const { outbox, gateway, worker, db } = setup();
    const a = outbox.enqueue(draft);
    outbox.enqueue(draft);
    expect(await worker.drainOnce()).toEqual({ sent: 2, duplicates: 0, retried: 0, failed: 0 });
    expect(gateway.received.get(a.idempotencyKey)?.code).toBe(a.code);
    expect(outbox.get(a.code)).toMatchObject({ state: 'sent', gatewayStatus: 'received' });
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM outbox_dossier WHERE payload IS NOT NULL').get(),
    ).toEqual({ n: 0 });
    expect(await worker.drainOnce()).toEqual({ sent: 0, duplicates: 0, retried: 0, failed: 0 });
  });

  it('keeps dossiers queued while the gateway is down, with backoff, and sends them after', async () => {
    const { outbox, gateway, worker, clock } = setup();
    outbox.enqueue(draft);
    outbox.enqueue(draft);
    gateway.mode = 'down';
    expect((await worker.drainOnce()).retried).toBeGreaterThan(0);
    expect(outbox.counts().queued).toBe(2);
    const before = gateway.submissions;
    await worker.drainOnce();
    expect(gateway.submissions).toBe(before); // not due yet
    gateway.mode = 'up';
    clock.now += 1000;
    await worker.drainOnce();
    expect(outbox.counts()).toMatchObject({ sent: 2, queued: 0 });
    expect(gateway.received.size).toBe(2);
  });

  it('resends with the same key when the acknowledgement was lost; the gateway keeps one copy', async () => {
    const { outbox, gateway, worker, clock } = setup();
    const a = outbox.enqueue(draft);
    gateway.mode = 'ack-lost';
    await worker.drainOnce();
    gateway.mode = 'up';
    clock.now += 1000;
    const summary = await worker.drainOnce();
    expect(summary).toMatchObject({ sent: 1, duplicates: 1 });
    expect([...gateway.received.keys()]).toEqual([a.idempotencyKey]);
  });

  it('fails after the configured attempts and lets staff retry with the same key', async () => {
    const { outbox, gateway, worker, clock } = setup();
    const a = outbox.enqueue(draft);
    gateway.mode = 'down';
    for (let i = 0; i < 3; i += 1) {
      await worker.drainOnce();
      clock.now += 60_000;
    }
    const failed = outbox.list({ state: 'failed' });
    expect(failed).toMatchObject([{ code: a.code, attempts: 3 }]);
    gateway.mode = 'up';
    expect(outbox.retry(a.id)).toBe(true);
    expect(outbox.retry(a.id)).toBe(false);
    await worker.drainOnce();
    expect(outbox.get(a.code)?.state).toBe('sent');
    expect([...gateway.received.keys()]).toEqual([a.idempotencyKey]);
  });

  it('marks a refused dossier failed at once, and survives a gateway that throws', async () => {
    const { outbox, gateway, worker } = setup();
    outbox.enqueue(draft);
    gateway.mode = 'reject';
    expect((await worker.drainOnce()).failed).toBe(1);
    outbox.enqueue(draft);
    gateway.mode = 'throw';
    expect((await worker.drainOnce()).retried).toBe(1);
  });

  it('treats a retry time far in the future as due after the clock was set back', async () => {
    const { outbox, gateway, worker, clock } = setup();
    outbox.enqueue(draft);
    gateway.mode = 'down';
    await worker.drainOnce();
    gateway.mode = 'up';
    clock.now -= 24 * 3_600_000; // the clock jumps back a day
    await worker.drainOnce();
    expect(outbox.counts().sent).toBe(1);
  });

  it('picks up dossiers left "sending" by a crashed process', async () => {
    const { outbox, gateway, worker, db } = setup();
    const a = outbox.enqueue(draft);
    db.prepare("UPDATE outbox_dossier SET state = 'sending', attempts = 1").run();
    await worker.drainOnce();
    expect(outbox.get(a.code)?.state).toBe('sent');
    expect(gateway.received.size).toBe(1);
  });

  it('wakes up on enqueue once started', async () => {
    const { outbox, gateway, worker } = setup();
    worker.start();
    const sent = new Promise<void>((resolve) => {
      const original = gateway.submit.bind(gateway);
      gateway.submit = async (d, k) => {
        const r = await original(d, k);
        queueMicrotask(resolve);
        return r;
      };
    });
    outbox.enqueue(draft);
    await sent;
    await worker.stop();
    expect(outbox.counts().sent).toBe(1);
  });

  it('yields to the event loop between sends, so a row that stays due cannot hang the run (issue 23)', async () => {
    const { outbox, gateway, worker } = setup();
    outbox.enqueue(draft);
    // A stuck row: the acknowledgement is never recorded, so the row (still `sending`) is due
    // again at once, and the gateway twin answers without I/O. A worker that never yields starves every timer,
    // vitest's timeout included; one that yields lets this timer fire and end the test.
    let stuck = true;
    const markSent = outbox.markSent.bind(outbox);
    outbox.markSent = (d, status) => (stuck ? false : markSent(d, status));
    const pass = worker.drainOnce();
    // vi.waitFor polls on timers: it can only see a second send if the worker yields. How many
    // sends fit before the first poll depends on the machine, so the test waits instead of
    // sampling once.
    await vi.waitFor(() => expect(gateway.submissions).toBeGreaterThan(1));
    stuck = false;
    await pass;
  });
});
