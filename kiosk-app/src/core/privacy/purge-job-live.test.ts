import { syntheticCitizen } from '@kiosk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import { Outbox, OUTBOX_MIGRATIONS } from '../outbox';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { PurgeJob, type PurgeClock } from './purge-job';

const DAY = 86_400_000;

describe('PurgeJob with a live retention setting', () => {
  it('uses the retention in force at each run', () => {
    let now = Date.parse('2026-03-01T02:00:00Z');
    const clock: PurgeClock = { now: () => new Date(now), every: () => () => undefined };
    const db = openDatabase(':memory:', [
      ...coreMigrations,
      ...OUTBOX_MIGRATIONS,
      ...PRIVACY_MIGRATIONS,
    ]);
    const outbox = new Outbox(
      db,
      new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
      () => now,
    );
    const { id } = outbox.enqueue({
      procedureCode: '1.004222',
      receivedAt: new Date(now).toISOString(),
      applicant: syntheticCitizen(1),
      form: {},
    });
    // Refused for good by the portal: deleted once past the retention.
    db.prepare("UPDATE outbox_dossier SET state = 'failed' WHERE id = ?").run(id);
    let retentionDays = 30;
    const job = new PurgeJob({ db, retentionDays: () => retentionDays, clock });
    now += 10 * DAY;
    expect(job.runOnce().outboxRowsDeleted).toBe(0);
    retentionDays = 7;
    expect(job.runOnce().outboxRowsDeleted).toBe(1);
    retentionDays = 0;
    expect(() => job.runOnce()).toThrow(RangeError);
  });
});
