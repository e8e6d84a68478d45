/**
 * Satisfaction ratings (issue 18) through the rating outbox to the real portal simulator (HTTP,
 * its SQLite file): a rating posted again after a lost acknowledgement counts once, a portal
 * that is down keeps the rating queued until it is back, and a rating never overtakes its
 * dossier.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { DossierCodeAllocator, blockOfKiosk } from '../../src/core/dossier-code';
import {
  Outbox,
  OutboxWorker,
  OUTBOX_MIGRATIONS,
  RATING_OUTBOX_MIGRATIONS,
  RatingOutbox,
  RatingOutboxWorker,
} from '../../src/core/outbox';
import { HttpRatingGateway, redactRatingComment } from '../../src/core/rating';
import { gatewayClient, TEST_RESILIENCE } from './clients';
import { draftFor, tempDir } from './fixtures';

let portal: PortalSimulator;
let db: KioskDatabase;
let tmp: ReturnType<typeof tempDir>;
let client: ReturnType<typeof gatewayClient>;
const clock = { now: Date.parse('2026-03-10T02:00:00Z') };

beforeEach(async () => {
  tmp = tempDir('rating-delivery-');
  portal = await startPortalSimulator({ dbFile: tmp.file('portal.db') });
  db = openDatabase(tmp.file('kiosk.db'), [...OUTBOX_MIGRATIONS, ...RATING_OUTBOX_MIGRATIONS]);
  client = gatewayClient(portal.url, { ...TEST_RESILIENCE, maxAttempts: 1 });
});
afterEach(async () => {
  await client.http.close();
  await portal.close();
  db.close();
  tmp.remove();
});

function kiosk() {
  const now = () => clock.now;
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    now,
  );
  const dossiers = new OutboxWorker(outbox, client.gateway, { random: () => 1 });
  const ratings = new RatingOutbox(db, now);
  const ratingWorker = new RatingOutboxWorker(ratings, new HttpRatingGateway(client.http), {
    backoff: { initialMs: 1_000, maxMs: 60_000 },
    random: () => 1,
  });
  return { outbox, dossiers, ratings, ratingWorker };
}

const rate = (dossierCode: string, comment = '') => ({
  dossierCode,
  level: 'dissatisfied' as const,
  reasons: ['tooSlow' as const],
  comment: redactRatingComment(comment),
  ratedAt: new Date(clock.now).toISOString(),
});

describe('rating delivery to the portal simulator', () => {
  it('a rating posted twice with its key (an outbox retry) is stored once', async () => {
    const { outbox, dossiers, ratings, ratingWorker } = kiosk();
    const { code } = outbox.enqueue(draftFor(0));
    await dossiers.drainOnce();
    expect(ratings.enqueue(rate(code, 'gọi 0912 345 678'))).toBe(true);
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    // A crash after the POST, before `sent` was committed: the row is due again, same key.
    db.prepare(`UPDATE outbox_rating SET state = 'sending'`).run();
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(portal.ratingPosts()).toBe(2);
    const stored = portal.ratings();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      dossierCode: code,
      level: 'KHONG_HAI_LONG',
      reasons: ['tooSlow'],
      comment: 'gọi [ẩn]',
    });
    expect(stored[0]?.idempotencyKey).toBe(ratings.list()[0]?.idempotencyKey);
    // Delivered: the free-text comment no longer stays on the kiosk.
    const row = db.prepare('SELECT payload FROM outbox_rating').get() as { payload: string };
    expect(JSON.parse(row.payload)).not.toHaveProperty('comment');
  });

  it('the same dossier rated again at the kiosk is kept once', () => {
    const { ratings } = kiosk();
    expect(ratings.enqueue(rate('H29-260310-3000'))).toBe(true);
    expect(ratings.enqueue(rate('H29-260310-3000'))).toBe(false);
    expect(ratings.list()).toHaveLength(1);
  });

  it('portal down: the rating stays in the outbox and is delivered once it is back', async () => {
    const { outbox, dossiers, ratings, ratingWorker } = kiosk();
    const { code } = outbox.enqueue(draftFor(1));
    await dossiers.drainOnce();
    portal.setMode({ kind: 'fail' });
    ratings.enqueue(rate(code));
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(ratings.list()[0]).toMatchObject({ state: 'queued', attempts: 1 });
    expect(portal.ratings()).toEqual([]);
    portal.setMode({ kind: 'normal' });
    // Not due before its backoff has passed.
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.now += 60_000;
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(ratings.list()[0]).toMatchObject({ state: 'sent' });
    expect(portal.ratings().map((r) => r.dossierCode)).toEqual([code]);
  });

  it('a rating waits while its dossier is still queued, then follows it', async () => {
    const { outbox, dossiers, ratings, ratingWorker } = kiosk();
    portal.setMode({ kind: 'fail' });
    const { code } = outbox.enqueue(draftFor(2));
    await dossiers.drainOnce();
    ratings.enqueue(rate(code));
    portal.setMode({ kind: 'normal' });
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(portal.ratingPosts()).toBe(0);
    clock.now += 600_000;
    await dossiers.drainOnce();
    expect(await ratingWorker.drainOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(portal.ratings().map((r) => r.dossierCode)).toEqual([code]);
  });
});
