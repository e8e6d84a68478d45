/**
 * The privacy pieces drop into the core as it is: the migrations run after the core's own, the
 * repository is accepted wherever a ReceiptRepository is, and the purge runs on that schema.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DossierIntakeDeps } from '../intake/dossier-intake';
import { ALL_MIGRATIONS, type RunningCore } from '../kiosk-core';
import { openDatabase } from '../store/database';
import { loadDataKey } from './data-key';
import { EncryptedReceiptRepository } from './encrypted-receipt-repository';
import { PurgeJob } from './purge-job';

describe('core wiring', () => {
  it('runs on the core schema with a demo key and fits the core’s types', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-wiring-'));
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), [...ALL_MIGRATIONS]);
    const key = loadDataKey({ dataDir, allowDemoKey: true });
    const receipts: DossierIntakeDeps['receipts'] & RunningCore['receipts'] =
      new EncryptedReceiptRepository(db, key);
    expect(receipts.find({})).toEqual([]);
    expect(new PurgeJob({ db, retentionDays: 30 }).runOnce().receiptsPurged).toBe(0);
    db.close();
    // Reopening runs no migration twice and accepts the same key.
    const again = openDatabase(join(dataDir, 'kiosk.sqlite'), [...ALL_MIGRATIONS]);
    expect(() => new EncryptedReceiptRepository(again, key)).not.toThrow();
    again.close();
  });
});
