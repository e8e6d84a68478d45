/**
 * What the outbox worker writes for each answer of the gateway (the rows' state, retry time and
 * reason), how many dossiers it sends at once, and when it runs on its own: at start, on its poll
 * and when a dossier is queued, and never after stop.
 */
import { describe, expect, it, vi } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import type { Dossier, DossierGateway, SubmitResult } from '../links/gateway/dossier-gateway';
import { createLogger } from '../log/logger';
import { openDatabase } from '../store/database';
import { Outbox, type DossierDraft } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';

const T0 = Date.parse('2026-03-10T02:00:00Z');

const draft: DossierDraft = {
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: {
    personalId: '001090012345',
    fullName: 'THỬ GỬI',
    dateOfBirth: '1990-01-15',
    sex: 'M',
  },
  form: {},
};

type Answer = (dossier: Dossier) => SubmitResult | Promise<SubmitResult>;

function setup(answer: Answer, options: OutboxWorkerOptions = {}) {
  const db = openDatabase(':memory:', OUTBOX_MIGRATIONS);
  const clock = { now: T0 };
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => clock.now,
  );
  const received: string[] = [];
  const gateway: DossierGateway = {
    submit: async (dossier) => {
      received.push(dossier.code);
      return answer(dossier);
    },
    status: async () => ({ kind: 'notFound' }),
  };
  const lines: Record<string, unknown>[] = [];
  const worker = new OutboxWorker(outbox, gateway, {
    random: () => 0,
    logger: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
    ...options,
  });
  return { db, outbox, worker, clock, received, lines };
}

const down: Answer = () => ({ kind: 'unavailable', reason: 'network', message: 'down' });
const accept: Answer = (d) => ({
  kind: 'accepted',
  code: d.code,
  status: 'received',
  duplicate: false,
});

describe('OutboxWorker outcomes', () => {
  it('backs off exponentially from the first retry, with jitter between half and all of it', async () => {
    let jitter = 0;
    const { outbox, worker, clock } = setup(down, {
      backoff: { initialMs: 1000, maxMs: 5000 },
      random: () => jitter,
    });
    const { code } = outbox.enqueue(draft);
    const waits: number[] = [];
    for (const r of [0, 1, 0, 1, 1]) {
      jitter = r;
      await worker.drainOnce();
      const next = outbox.get(code)?.nextAttemptAt ?? 0;
      waits.push(next - clock.now);
      clock.now = next;
    }
    expect(waits).toEqual([500, 2000, 2000, 5000, 5000]);
    expect(outbox.get(code)).toMatchObject({
      state: 'queued',
      attempts: 5,
      lastError: 'network: down',
    });
  });

  it('gives up after the last attempt, saying so in the row and the log', async () => {
    const { outbox, worker, clock, lines } = setup(down, { maxAttempts: 2 });
    const { code } = outbox.enqueue(draft);
    expect(await worker.drainOnce()).toEqual({ sent: 0, duplicates: 0, retried: 1, failed: 0 });
    clock.now += 600_000;
    expect(await worker.drainOnce()).toEqual({ sent: 0, duplicates: 0, retried: 0, failed: 1 });
    expect(outbox.get(code)).toMatchObject({
      state: 'failed',
      lastError: 'gave up after 2 attempts: down',
    });
    expect(lines.filter((l) => l.event === 'outbox.gaveUp')).toEqual([
      expect.objectContaining({ level: 'error', dossier: code, attempts: 2 }),
    ]);
    expect(lines.filter((l) => l.event === 'outbox.sendFailed')).toEqual([
      expect.objectContaining({ level: 'warn', dossier: code, reason: 'network', attempt: 1 }),
      expect.objectContaining({ level: 'warn', dossier: code, reason: 'network', attempt: 2 }),
    ]);
  });

  it('records a refusal with its status and message, and goes on with the next dossier', async () => {
    const { outbox, worker, received } = setup(
      (d) =>
        d.code.endsWith('3000')
          ? { kind: 'rejected', httpStatus: 422, message: 'thiếu giấy tờ' }
          : accept(d),
      { concurrency: 1 },
    );
    const refused = outbox.enqueue(draft);
    const next = outbox.enqueue(draft);
    expect(await worker.drainOnce()).toEqual({ sent: 1, duplicates: 0, retried: 0, failed: 1 });
    expect(received).toEqual([refused.code, next.code]);
    expect(outbox.get(refused.code)).toMatchObject({
      state: 'failed',
      lastError: 'refused by the gateway (422): thiếu giấy tờ',
    });
    expect(outbox.get(next.code)?.state).toBe('sent');
  });

  it('counts a duplicate acknowledgement as sent and as a duplicate', async () => {
    const { outbox, worker } = setup(
      (d) => ({ ...(accept(d) as object), duplicate: true }) as SubmitResult,
    );
    outbox.enqueue(draft);
    expect(await worker.drainOnce()).toEqual({ sent: 1, duplicates: 1, retried: 0, failed: 0 });
  });

  it('stops the pass at the first unavailable answer, leaving the rest queued', async () => {
    const { outbox, worker, received } = setup(down, { concurrency: 1 });
    outbox.enqueue(draft);
    outbox.enqueue(draft);
    outbox.enqueue(draft);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    expect(received).toHaveLength(1);
    expect(outbox.counts()).toMatchObject({ queued: 3, sending: 0 });
  });

  it('sends at most `concurrency` dossiers at once', async () => {
    let open = 0;
    let most = 0;
    const { outbox, worker } = setup(
      async (d) => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open -= 1;
        return accept(d);
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 5; i += 1) outbox.enqueue(draft);
    expect(await worker.drainOnce()).toMatchObject({ sent: 5 });
    expect(most).toBe(2);
  });

  it('sends sixteen at once unless told otherwise', async () => {
    let open = 0;
    let most = 0;
    const { outbox, worker } = setup(async (d) => {
      open += 1;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open -= 1;
      return accept(d);
    });
    for (let i = 0; i < 20; i += 1) outbox.enqueue(draft);
    await worker.drainOnce();
    expect(most).toBe(16);
  });

  it('takes a gateway that throws as unavailable, with the thrown message', async () => {
    const { outbox, worker } = setup(() => {
      throw new Error('socket hang up');
    });
    const a = outbox.enqueue(draft);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    expect(outbox.get(a.code)?.lastError).toBe('network: socket hang up');
    const other = setup(() => Promise.reject('plain text'));
    const b = other.outbox.enqueue(draft);
    await other.worker.drainOnce();
    expect(other.outbox.get(b.code)?.lastError).toBe('network: plain text');
  });
});

describe('OutboxWorker running on its own', () => {
  it('sends at start, then on its poll, and stops sending after stop', async () => {
    const { outbox, worker, db, received } = setup(accept, { pollMs: 10 });
    outbox.enqueue(draft);
    worker.start();
    worker.start();
    await vi.waitFor(() => expect(received).toHaveLength(1));
    // A row queued behind the outbox's back (no wake): only the poll can find it.
    const hidden = outbox.enqueue(draft);
    db.prepare("UPDATE outbox_dossier SET state = 'failed' WHERE id = ?").run(hidden.id);
    db.prepare("UPDATE outbox_dossier SET state = 'queued' WHERE id = ?").run(hidden.id);
    await vi.waitFor(() => expect(outbox.get(hidden.code)?.state).toBe('sent'));
    await worker.stop();
    const before = received.length;
    outbox.enqueue(draft);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(before);
    expect(outbox.counts().queued).toBe(1);
  });

  it('sends a queued dossier at once, without waiting for its poll', async () => {
    const { outbox, worker, received } = setup(accept, { pollMs: 60_000 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { code } = outbox.enqueue(draft);
    await vi.waitFor(() => expect(received).toEqual([code]), { timeout: 2000 });
    await worker.stop();
  });

  it('runs another pass at once for a dossier queued while a pass was ending on a down gateway', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { outbox, worker, received } = setup(
      async () => {
        await gate;
        return { kind: 'unavailable', reason: 'network', message: 'down' };
      },
      { pollMs: 60_000, concurrency: 1 },
    );
    const first = outbox.enqueue(draft);
    worker.start();
    await vi.waitFor(() => expect(received).toEqual([first.code]));
    const second = outbox.enqueue(draft);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await vi.waitFor(() => expect(received).toEqual([first.code, second.code]), { timeout: 2000 });
    await worker.stop();
  });

  it('joins a pass already running instead of starting another', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { outbox, worker, received } = setup(async (d) => {
      await gate;
      return accept(d);
    });
    outbox.enqueue(draft);
    const first = worker.drainOnce();
    const second = worker.drainOnce();
    release();
    expect(await first).toEqual(await second);
    expect(received).toHaveLength(1);
  });
});
