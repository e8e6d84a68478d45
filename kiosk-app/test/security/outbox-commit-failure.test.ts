/**
 * Issue 14, item 1: exactly-once must hold when the intake transaction fails at COMMIT (disk
 * full, I/O error). The outbox used to wake the worker inside the intake transaction, so the
 * worker claimed and sent the uncommitted row; after the rollback the next dossier got the same
 * rowid and the same dossier code, and the first dossier's acknowledgement then marked the
 * second one `sent` and cleared its payload: the second was never sent.
 *
 * The failure is injected at COMMIT itself: a trigger on `receipts` adds a row that breaks a
 * DEFERRED foreign key, which SQLite only checks at COMMIT (https://sqlite.org/foreignkeys.html
 * §4.2). Every statement of the intake succeeds; the COMMIT fails and the transaction is rolled
 * back, as it is when the disk fills while the WAL frames are written.
 */
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormView } from '@kiosk/protocol';
import { AppointmentCalculator } from '../../src/core/appointment';
import { blockOfKiosk, DossierCodeAllocator } from '../../src/core/dossier-code';
import { DossierIntake } from '../../src/core/intake/dossier-intake';
import type { Dossier, DossierGateway, SubmitResult } from '../../src/core/links';
import { createLogger } from '../../src/core/log/logger';
import { Outbox, OutboxWorker } from '../../src/core/outbox';
import { createOutboxPayloadCodec, EncryptedReceiptRepository } from '../../src/core/privacy';
import { testKey } from '../../src/core/privacy/test-keys';
import { ProcedureService } from '../../src/core/procedures/procedure-service';
import type { KioskDatabase } from '../../src/core/store/database';
import { freshDatabase } from './store-fixtures';

/** Deduplicates by idempotency key and remembers every dossier it was handed, as the portal does. */
class RecordingGateway implements DossierGateway {
  readonly received = new Map<string, Dossier>();

  async submit(dossier: Dossier, key: string): Promise<SubmitResult> {
    const duplicate = this.received.has(key);
    this.received.set(key, dossier);
    return { kind: 'accepted', code: dossier.code, status: 'received', duplicate };
  }

  async status(): Promise<never> {
    throw new Error('not used');
  }
}

/** Makes the next COMMIT that inserted a receipt fail, while `armed` holds a row. */
function installCommitFault(db: KioskDatabase): { arm(): void; disarm(): void } {
  db.exec(`
    CREATE TABLE commit_fault_parent (id INTEGER PRIMARY KEY);
    CREATE TABLE commit_fault (
      parent INTEGER REFERENCES commit_fault_parent (id) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE TABLE commit_fault_armed (armed INTEGER);
    CREATE TRIGGER commit_fault_on_receipt AFTER INSERT ON receipts
      WHEN EXISTS (SELECT 1 FROM commit_fault_armed)
      BEGIN INSERT INTO commit_fault (parent) VALUES (1); END;
  `);
  return {
    arm: () => db.exec('INSERT INTO commit_fault_armed VALUES (1)'),
    disarm: () => db.exec('DELETE FROM commit_fault_armed'),
  };
}

const NOW = new Date('2026-03-10T09:00:00+07:00');

function submission(index: number) {
  const record = syntheticCitizen(index);
  const form = { procedureCode: '1.001612', values: {} } as unknown as FormView;
  return {
    procedureCode: '1.001612',
    citizen: { record, provenance: {}, mismatches: [], assurance: 'chip-verified' as const },
    form,
  };
}

let open: KioskDatabase | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

describe('intake whose COMMIT fails', () => {
  it('sends nothing of the rolled-back dossier and still sends the next one under its own code', async () => {
    const { db } = freshDatabase('kiosk-commit-fault-');
    open = db;
    const key = testKey(3);
    const fault = installCommitFault(db);
    const codes = new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) });
    const outbox = new Outbox(db, codes, () => NOW.getTime(), createOutboxPayloadCodec(key));
    const gateway = new RecordingGateway();
    const worker = new OutboxWorker(outbox, gateway, { pollMs: 3_600_000 });
    const intake = new DossierIntake({
      outbox,
      receipts: new EncryptedReceiptRepository(db, key),
      calculator: new AppointmentCalculator(),
      procedures: ProcedureService.fromCatalogue(createLogger(() => undefined)),
      config: () => ({
        centreName: 'Trung tâm thử nghiệm',
        receivingUnit: 'Bộ phận Một cửa',
        collectAt: 'Quầy 1',
        lookupBaseUrl: 'https://example.invalid/tra-cuu',
        trackingHint: '—',
        kioskId: 'KIOSK-T',
      }),
      now: () => NOW,
    });
    worker.start();
    await worker.drainOnce(); // idle and listening, as a kiosk is when a citizen submits

    fault.arm();
    expect(() => intake.submit(submission(1))).toThrow(/FOREIGN KEY/);
    fault.disarm();
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox_dossier').get()).toEqual({ n: 0 });
    const second = intake.submit(submission(2));

    await worker.drainOnce();
    await worker.stop();
    await worker.drainOnce();

    const rows = db.prepare('SELECT code, idempotency_key, state FROM outbox_dossier').all() as {
      code: string;
      idempotency_key: string;
      state: string;
    }[];
    expect(rows).toEqual([
      { code: second.dossierCode, idempotency_key: expect.any(String), state: 'sent' },
    ]);
    // The gateway holds exactly the committed dossier, under its own key and code; nothing of
    // the dossier whose COMMIT failed left the kiosk.
    expect([...gateway.received.entries()].map(([k, d]) => [k, d.code])).toEqual([
      [rows[0]?.idempotency_key, second.dossierCode],
    ]);
    // 3000 went to the dossier whose COMMIT failed: reserved in its own step, never issued again.
    expect(second.dossierCode).toBe('H29-260310-3001');
  });
});

describe('outbox row ids', () => {
  it('are never reused after the newest row is purged', () => {
    const { db } = freshDatabase('kiosk-rowid-');
    open = db;
    const codes = new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) });
    const outbox = new Outbox(db, codes, () => NOW.getTime());
    const draft = {
      procedureCode: '1.001612',
      receivedAt: '2026-03-10T09:00:00+07:00',
      applicant: syntheticCitizen(5),
      form: {},
    };
    outbox.enqueue(draft);
    const newest = outbox.enqueue(draft);
    db.prepare('DELETE FROM outbox_dossier WHERE id = ?').run(newest.id);
    expect(outbox.enqueue(draft).id).toBe(newest.id + 1);
  });
});
