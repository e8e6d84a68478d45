/**
 * The rating outbox and its worker, seen in the rows of SQLite: one rating per dossier, due only
 * after its dossier left the dossier outbox, the comment dropped once delivered, and each answer
 * of the portal written as state, retry time and reason.
 */
import { describe, expect, it, vi } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import { createLogger } from '../log/logger';
import type { RatingGateway, RatingSubmitResult } from '../rating/rating-gateway';
import type { SatisfactionRating } from '../rating/satisfaction-rating';
import { openDatabase } from '../store/database';
import { Outbox } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';
import { RatingOutbox } from './rating-outbox';
import { RATING_OUTBOX_MIGRATIONS } from './rating-outbox-migrations';
import { RatingOutboxWorker, type RatingOutboxWorkerOptions } from './rating-outbox-worker';

const T0 = Date.parse('2026-03-10T02:00:00Z');

const rating = (dossierCode: string): SatisfactionRating => ({
  dossierCode,
  level: 'satisfied',
  reasons: [],
  comment: 'nhân viên nhiệt tình',
  ratedAt: '2026-03-10T02:00:00Z',
});

interface RatingRow {
  dossier_code: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

function setup(
  answer: (r: SatisfactionRating) => RatingSubmitResult = () => ({
    kind: 'accepted',
    duplicate: false,
  }),
  options: RatingOutboxWorkerOptions = {},
) {
  const db = openDatabase(':memory:', [...OUTBOX_MIGRATIONS, ...RATING_OUTBOX_MIGRATIONS]);
  const clock = { now: T0 };
  const ratings = new RatingOutbox(db, () => clock.now);
  const dossiers = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => clock.now,
  );
  const received: { code: string; key: string }[] = [];
  const gateway: RatingGateway = {
    submit: async (r, key) => {
      received.push({ code: r.dossierCode, key });
      return answer(r);
    },
  };
  const lines: Record<string, unknown>[] = [];
  const worker = new RatingOutboxWorker(ratings, gateway, {
    random: () => 0,
    logger: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
    ...options,
  });
  const row = (code: string) =>
    db.prepare('SELECT * FROM outbox_rating WHERE dossier_code = ?').get(code) as RatingRow;
  return { db, clock, ratings, dossiers, worker, received, lines, row };
}

const down = (): RatingSubmitResult => ({
  kind: 'unavailable',
  reason: 'network',
  message: 'down',
});

describe('RatingOutbox', () => {
  it('stores one rating per dossier, queued at once, and tells its listeners', () => {
    const { ratings, row } = setup();
    const heard: number[] = [];
    const unsubscribe = ratings.onEnqueued(() => heard.push(1));
    expect(ratings.enqueue(rating('H29-260310-9001'))).toBe(true);
    expect(ratings.enqueue(rating('H29-260310-9001'))).toBe(false);
    expect(heard).toHaveLength(1);
    expect(row('H29-260310-9001')).toMatchObject({
      payload: JSON.stringify(rating('H29-260310-9001')),
      state: 'queued',
      attempts: 0,
      next_attempt_at: T0,
      created_at: '2026-03-10T02:00:00.000Z',
      sent_at: null,
    });
    unsubscribe();
    ratings.enqueue(rating('H29-260310-9002'));
    expect(heard).toHaveLength(1);
    expect(ratings.list()).toEqual([
      expect.objectContaining({ dossierCode: 'H29-260310-9001', state: 'queued', attempts: 0 }),
      expect.objectContaining({ dossierCode: 'H29-260310-9002' }),
    ]);
    expect(ratings.list()[0]).not.toHaveProperty('lastError');
  });

  it('holds a rating back until its dossier is sent', () => {
    const { ratings, dossiers } = setup();
    const dossier = dossiers.enqueue({
      procedureCode: '1.004222',
      receivedAt: '2026-03-10T09:00:00+07:00',
      applicant: {
        personalId: '001090012345',
        fullName: 'THỬ ĐÁNH GIÁ',
        dateOfBirth: '1990-01-15',
        sex: 'M',
      },
      form: {},
    });
    ratings.enqueue(rating(dossier.code));
    ratings.enqueue(rating('H29-260310-9009'));
    const [other] = ratings.claimDue(5);
    expect(other?.rating.dossierCode).toBe('H29-260310-9009');
    ratings.markSent(other?.id ?? 0);
    expect(ratings.claimDue(5)).toEqual([]);
    dossiers.claimDue(1, new Set(), 60_000);
    dossiers.markSent(dossier, 'received');
    expect(ratings.claimDue(5)).toEqual([
      expect.objectContaining({ rating: rating(dossier.code), attempts: 1 }),
    ]);
  });

  it('claims due ratings up to the limit, oldest due first', () => {
    const { ratings, clock, db } = setup();
    for (const code of ['A', 'B', 'C']) ratings.enqueue(rating(code));
    db.prepare("UPDATE outbox_rating SET next_attempt_at = ? WHERE dossier_code = 'C'").run(T0 - 1);
    db.prepare("UPDATE outbox_rating SET next_attempt_at = ? WHERE dossier_code = 'B'").run(T0 + 1);
    const first = ratings.claimDue(2);
    expect(first.map((d) => d.rating.dossierCode)).toEqual(['C', 'A']);
    for (const due of first) ratings.markSent(due.id);
    expect(ratings.claimDue(2)).toEqual([]);
    clock.now = T0 + 1;
    expect(ratings.claimDue(2).map((d) => d.rating.dossierCode)).toEqual(['B']);
  });

  it('drops the comment once the portal has the rating, and records it once', () => {
    const { ratings, row, clock } = setup();
    ratings.enqueue(rating('A'));
    const [due] = ratings.claimDue(1);
    clock.now = T0 + 500;
    ratings.markSent(due?.id ?? 0);
    const sent = row('A');
    expect(sent).toMatchObject({ state: 'sent', sent_at: '2026-03-10T02:00:00.500Z' });
    expect(JSON.parse(sent.payload)).toEqual({
      dossierCode: 'A',
      level: 'satisfied',
      reasons: [],
      ratedAt: '2026-03-10T02:00:00Z',
    });
    clock.now = T0 + 900;
    ratings.markSent(due?.id ?? 0);
    expect(row('A').sent_at).toBe('2026-03-10T02:00:00.500Z');
  });
});

describe('RatingOutboxWorker', () => {
  it('sends each due rating with its stored key, and logs it without the comment', async () => {
    const { ratings, worker, received, lines, row } = setup();
    ratings.enqueue(rating('A'));
    ratings.enqueue(rating('B'));
    expect(await worker.drainOnce()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(received.map((r) => r.code)).toEqual(['A', 'B']);
    expect(ratings.list().map((e) => e.idempotencyKey)).toEqual(received.map((r) => r.key));
    expect(row('A').state).toBe('sent');
    expect(lines.filter((l) => l.event === 'rating.sent')).toEqual([
      expect.objectContaining({ level: 'info', dossier: 'A', duplicate: false }),
      expect.objectContaining({ level: 'info', dossier: 'B', duplicate: false }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('nhiệt tình');
  });

  it('fails a refused rating and goes on with the next', async () => {
    const { ratings, worker, row, lines } = setup((r) =>
      r.dossierCode === 'A'
        ? { kind: 'rejected', httpStatus: 400, message: 'bad' }
        : { kind: 'accepted', duplicate: true },
    );
    ratings.enqueue(rating('A'));
    ratings.enqueue(rating('B'));
    expect(await worker.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 1 });
    expect(row('A')).toMatchObject({ state: 'failed', last_error: 'refused by the portal (400)' });
    expect(ratings.list()[0]?.lastError).toBe('refused by the portal (400)');
    expect(lines.find((l) => l.event === 'rating.rejected')).toMatchObject({
      level: 'error',
      dossier: 'A',
      httpStatus: 400,
    });
  });

  it('stops a pass at the first rating the portal cannot take', async () => {
    const { ratings, worker, received, row } = setup(down);
    ratings.enqueue(rating('A'));
    ratings.enqueue(rating('B'));
    expect(await worker.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(row('B')).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('backs off while the portal is down, and gives up after the last attempt', async () => {
    let jitter = 0;
    const { ratings, worker, row, clock, lines } = setup(down, {
      maxAttempts: 3,
      backoff: { initialMs: 1000, maxMs: 1500 },
      random: () => jitter,
    });
    ratings.enqueue(rating('A'));
    expect(await worker.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(row('A')).toMatchObject({
      state: 'queued',
      next_attempt_at: T0 + 500,
      last_error: 'network',
    });
    jitter = 1;
    clock.now = T0 + 500;
    await worker.drainOnce();
    expect(row('A').next_attempt_at).toBe(T0 + 500 + 1500);
    clock.now += 1500;
    expect(await worker.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(row('A')).toMatchObject({
      state: 'failed',
      last_error: 'gave up after 3 attempts: network',
    });
    expect(lines.filter((l) => l.event === 'rating.sendFailed').map((l) => l.attempt)).toEqual([
      1, 2, 3,
    ]);
  });

  it('waits 300 attempts before giving up unless told otherwise', async () => {
    const { ratings, worker, db, row } = setup(down);
    ratings.enqueue(rating('A'));
    db.prepare("UPDATE outbox_rating SET attempts = 298 WHERE dossier_code = 'A'").run();
    await worker.drainOnce();
    expect(row('A').state).toBe('queued');
    db.prepare("UPDATE outbox_rating SET next_attempt_at = 0 WHERE dossier_code = 'A'").run();
    await worker.drainOnce();
    expect(row('A')).toMatchObject({ state: 'failed', attempts: 300 });
  });

  it('sends on its own once started, on a rating stored and on its poll, until stopped', async () => {
    const { ratings, worker, received, db } = setup(undefined, { pollMs: 10 });
    worker.start();
    worker.start();
    ratings.enqueue(rating('A'));
    await vi.waitFor(() => expect(received.map((r) => r.code)).toEqual(['A']));
    db.prepare(
      `INSERT INTO outbox_rating (dossier_code, idempotency_key, payload, state, next_attempt_at, created_at)
       VALUES ('B', 'k-b', ?, 'queued', 0, '2026-03-10T02:00:00.000Z')`,
    ).run(JSON.stringify(rating('B')));
    await vi.waitFor(() => expect(received.map((r) => r.code)).toEqual(['A', 'B']));
    await worker.stop();
    ratings.enqueue(rating('C'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toHaveLength(2);
  });

  it('sends a stored rating at once, not at its poll, and stops listening when stopped', async () => {
    const { ratings, worker, received } = setup(undefined, { pollMs: 60_000 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    ratings.enqueue(rating('A'));
    await vi.waitFor(() => expect(received.map((r) => r.code)).toEqual(['A']), { timeout: 2000 });
    await worker.stop();
    ratings.enqueue(rating('B'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toHaveLength(1);
  });

  it('joins a pass already running', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { ratings, received } = setup();
    const slow: RatingGateway = {
      submit: async (r, key) => {
        received.push({ code: r.dossierCode, key });
        await gate;
        return { kind: 'accepted', duplicate: false };
      },
    };
    const worker = new RatingOutboxWorker(ratings, slow);
    ratings.enqueue(rating('A'));
    const first = worker.drainOnce();
    const second = worker.drainOnce();
    release();
    expect(await first).toEqual(await second);
    expect(received).toHaveLength(1);
  });
});
