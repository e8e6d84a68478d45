/**
 * Issue 14, item 4: a queued dossier whose payload cannot be opened (sealed with a key this
 * kiosk no longer has, or altered on disk) must not block the queue. `markFailed` only matched
 * rows in `sending`, so such a row stayed `queued`, was picked first at every pass and, with as
 * many of them as the worker sends at once, nothing behind it was ever sent and staff saw nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../../src/core/dossier-code';
import type { Dossier, DossierGateway, SubmitResult } from '../../src/core/links';
import { Outbox, OutboxWorker, type DossierDraft } from '../../src/core/outbox';
import { createOutboxPayloadCodec } from '../../src/core/privacy';
import { testKey } from '../../src/core/privacy/test-keys';
import type { KioskDatabase } from '../../src/core/store/database';
import { freshDatabase } from './store-fixtures';

class AcceptingGateway implements DossierGateway {
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

const draft = (i: number): DossierDraft => ({
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: {
    personalId: `0010900${String(20000 + i)}`,
    fullName: `THỬ HÀNG ĐỢI ${i}`,
    dateOfBirth: '1990-01-15',
    sex: 'F',
  },
  form: {},
});

let open: KioskDatabase | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

describe('a queued dossier that cannot be opened', () => {
  it('is marked failed with a code, and the dossiers behind it are still sent', async () => {
    const { db } = freshDatabase('kiosk-outbox-unreadable-');
    open = db;
    const codes = new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) });
    const now = () => Date.parse('2026-03-10T02:00:00Z');
    // Two dossiers sealed under a key this kiosk no longer holds (restored from another kiosk).
    const foreign = new Outbox(db, codes, now, createOutboxPayloadCodec(testKey(1)));
    const lost = [foreign.enqueue(draft(1)), foreign.enqueue(draft(2))];
    // And one whose stored payload was altered on disk.
    const outbox = new Outbox(db, codes, now, createOutboxPayloadCodec(testKey(2)));
    const altered = outbox.enqueue(draft(3));
    db.prepare("UPDATE outbox_dossier SET payload = 'kf1:0000:AAAA' WHERE id = ?").run(altered.id);
    const good = [outbox.enqueue(draft(4)), outbox.enqueue(draft(5))];

    const gateway = new AcceptingGateway();
    const worker = new OutboxWorker(outbox, gateway, { concurrency: 2 });
    await worker.drainOnce();

    expect([...gateway.received.keys()].sort()).toEqual(good.map((g) => g.idempotencyKey).sort());
    expect(good.map((g) => outbox.get(g.code)?.state)).toEqual(['sent', 'sent']);
    // Staff see them in the outbox view (outbox.list answers `outbox.list` on the API).
    const failed = outbox.list({ state: 'failed' });
    expect(failed.map((f) => f.code).sort()).toEqual([...lost, altered].map((d) => d.code).sort());
    for (const entry of failed) expect(entry.lastError).toMatch(/^OUTBOX_PAYLOAD_UNREADABLE: /);
    // The payload stays: with the right key restored, staff retry sends it with its own key.
    expect(
      db
        .prepare(
          "SELECT COUNT(*) AS n FROM outbox_dossier WHERE state = 'failed' AND payload IS NOT NULL",
        )
        .get(),
    ).toEqual({ n: 3 });
  });
});
