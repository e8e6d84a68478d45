/**
 * A queued dossier whose payload is missing (a row changed by hand or by a tool, since only a
 * sent row loses its payload) used to be skipped at every claim without being marked: as the
 * first due row it took the whole claim, so with one row per claim nothing behind it was sent
 * and staff saw nothing. It is now failed as unreadable, like a payload that cannot be opened.
 */
import { describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import { openDatabase } from '../store/database';
import { Outbox, OUTBOX_PAYLOAD_UNREADABLE, type DossierDraft } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';

const draft: DossierDraft = {
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: {
    personalId: '001090012001',
    fullName: 'THỬ HÀNG ĐỢI',
    dateOfBirth: '1990-01-15',
    sex: 'F',
  },
  form: {},
};

describe('a queued dossier without a payload', () => {
  it('is marked failed as unreadable, and the dossier behind it is claimed', () => {
    const db = openDatabase(':memory:', OUTBOX_MIGRATIONS);
    const outbox = new Outbox(
      db,
      new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
      () => Date.parse('2026-03-10T02:00:00Z'),
    );
    const empty = outbox.enqueue(draft);
    const next = outbox.enqueue(draft);
    db.prepare('UPDATE outbox_dossier SET payload = NULL WHERE id = ?').run(empty.id);
    expect(outbox.claimDue(1, new Set(), 60_000).map((d) => d.id)).toEqual([next.id]);
    const failed = outbox.get(empty.code);
    expect(failed).toMatchObject({ state: 'failed', attempts: 0 });
    expect(failed?.lastError).toMatch(new RegExp(`^${OUTBOX_PAYLOAD_UNREADABLE}: `));
  });
});
