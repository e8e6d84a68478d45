/**
 * Issue 14, item 2: a purged slip must be gone from the disk, not just from query results.
 * Without `secure_delete` SQLite leaves an updated or deleted cell's bytes in the page's free
 * space, and in WAL mode every earlier version of a page stays in the -wal file until a
 * checkpoint; a copy of the data folder (with its demo key, or a stolen disk with the provisioned
 * one) then still opens most purged slips. The test looks at the raw bytes of kiosk.sqlite,
 * -wal and -shm while the kiosk keeps its connection open, as it does in service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../../src/core/dossier-code';
import { Outbox } from '../../src/core/outbox';
import {
  createOutboxPayloadCodec,
  EncryptedReceiptRepository,
  PurgeJob,
  type PurgeClock,
} from '../../src/core/privacy';
import { testKey } from '../../src/core/privacy/test-keys';
import type { KioskDatabase } from '../../src/core/store/database';
import { freshDatabase, leavesTrace, rawDatabaseBytes, syntheticReceipt } from './store-fixtures';

const DAY = 86_400_000;
const STORED_AT = Date.parse('2026-03-10T02:00:00Z');

function fixedClock(at: number): PurgeClock {
  return { now: () => new Date(at), every: () => () => undefined };
}

interface StoredValues {
  readonly marker: string;
  readonly sealed: string[];
}

let open: KioskDatabase | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

describe('purge leaves nothing readable on disk', () => {
  it('no sealed slip, sealed ID, blind index or outbox payload of a purged row survives in the files', () => {
    const { file, db } = freshDatabase('kiosk-purge-');
    open = db;
    const key = testKey(7);
    let storedAt = STORED_AT;
    const receipts = new EncryptedReceiptRepository(db, key, { now: () => new Date(storedAt) });
    const outbox = new Outbox(
      db,
      new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
      () => storedAt,
      createOutboxPayloadCodec(key),
    );
    const sealedOf = (code: string): StoredValues => {
      const row = db
        .prepare(
          'SELECT personal_id, personal_id_sealed, slip_json FROM receipts WHERE dossier_code = ?',
        )
        .get(code) as { personal_id: string; personal_id_sealed: string; slip_json: string };
      return {
        marker: code,
        sealed: [row.slip_json, row.personal_id_sealed, row.personal_id],
      };
    };

    // 20 slips and dossiers that fall out of the retention, 3 that stay (the control).
    const old: StoredValues[] = [];
    for (let i = 0; i < 20; i += 1) {
      const queued = outbox.enqueue({
        procedureCode: '1.004222',
        receivedAt: '2026-03-10T09:00:00+07:00',
        applicant: {
          personalId: `0010900${String(10000 + i)}`,
          fullName: `THỬ NGHIỆM XOÁ ${i}`,
          dateOfBirth: '1990-01-15',
          sex: 'M',
        },
        form: { reason: `purge-marker-${i}` },
      });
      const payload = (
        db.prepare('SELECT payload FROM outbox_dossier WHERE id = ?').get(queued.id) as {
          payload: string;
        }
      ).payload;
      receipts.save(
        syntheticReceipt(queued.code, `THỬ NGHIỆM XOÁ ${i}`),
        `0010900${String(10000 + i)}`,
      );
      const stored = sealedOf(queued.code);
      old.push({ marker: stored.marker, sealed: [...stored.sealed, payload] });
      // The gateway acknowledged it: the payload is cleared at once, the row waits for the purge.
      outbox.inTransaction(() => {
        db.prepare("UPDATE outbox_dossier SET state = 'sending' WHERE id = ?").run(queued.id);
        outbox.markSent(queued, 'received');
      });
    }
    storedAt = STORED_AT + 39 * DAY;
    const kept: StoredValues[] = [];
    for (let i = 0; i < 3; i += 1) {
      const code = `H29-260418-${3000 + i}`;
      receipts.save(syntheticReceipt(code, `CÒN GIỮ ${i}`), `0020900${String(10000 + i)}`);
      kept.push(sealedOf(code));
    }

    const report = new PurgeJob({
      db,
      retentionDays: 30,
      clock: fixedClock(STORED_AT + 40 * DAY),
    }).runOnce();
    expect(report).toMatchObject({ receiptsPurged: 20, outboxRowsDeleted: 20 });

    const bytes = rawDatabaseBytes(file);
    // The control: what is still kept is found, so the scan can see sealed values at all.
    expect(kept.every((k) => k.sealed.every((v) => leavesTrace(bytes, v)))).toBe(true);
    const survivors = old
      .filter((o) => o.sealed.some((v) => leavesTrace(bytes, v)))
      .map((o) => o.marker);
    expect(survivors).toEqual([]);
    expect(leavesTrace(bytes, 'THỬ NGHIỆM XOÁ')).toBe(false);
    expect(leavesTrace(bytes, 'purge-marker-')).toBe(false);
  });
});
