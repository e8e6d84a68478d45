import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../store/database';
import type { RatingGateway } from '../rating/rating-gateway';
import { RatingOutbox, type DueRating } from './rating-outbox';
import { RATING_OUTBOX_MIGRATIONS } from './rating-outbox-migrations';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';
import { RatingOutboxWorker } from './rating-outbox-worker';

const stuckRow: DueRating = {
  id: 1,
  idempotencyKey: 'k-1',
  rating: {
    dossierCode: 'H29-260310-3001',
    level: 'satisfied',
    reasons: [],
    comment: '',
    ratedAt: '2026-03-10T02:00:00Z',
  },
  attempts: 0,
};

describe('RatingOutboxWorker', () => {
  it('yields to the event loop between sends, so a row that stays due cannot hang the run (issue 23)', async () => {
    const outbox = new RatingOutbox(
      openDatabase(':memory:', [...OUTBOX_MIGRATIONS, ...RATING_OUTBOX_MIGRATIONS]),
    );
    // A stuck row: always due again, its acknowledgement never recorded, and a gateway twin that
    // answers without I/O. A worker that never yields starves vi.waitFor's timer as well.
    let stuck = true;
    outbox.claimDue = () => (stuck ? [stuckRow] : []);
    outbox.markSent = () => undefined;
    let sends = 0;
    const gateway: RatingGateway = {
      submit: () => {
        sends += 1;
        return Promise.resolve({ kind: 'accepted' as const, duplicate: false });
      },
    };
    const pass = new RatingOutboxWorker(outbox, gateway).drainOnce();
    await vi.waitFor(() => expect(sends).toBeGreaterThan(1));
    stuck = false;
    await pass;
  });
});
