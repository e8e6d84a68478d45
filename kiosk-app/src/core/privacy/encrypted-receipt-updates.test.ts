/**
 * What the sealed receipt store does after a receipt is saved: a replaced slip (the officer's
 * acceptance), reprint marks, date-range and limit searches, rows the purge stripped, and rows
 * older versions left in clear or under a previous key, read back from the SQLite rows.
 */
import { syntheticCitizen } from '@kiosk/test-fixtures';
import type { ReceiptView } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase, type KioskDatabase } from '../store/database';
import { ReceiptRepository } from '../store/receipt-repository';
import { EncryptedReceiptRepository } from './encrypted-receipt-repository';
import { FieldCipher } from './field-cipher';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { testKey } from './test-keys';

const citizen = syntheticCitizen(3);

function slip(code: string, receivedAt: string, status: ReceiptView['status']): ReceiptView {
  return {
    dossierCode: code,
    centreName: 'Trung tâm thử nghiệm',
    receivingUnit: 'Bộ phận Một cửa',
    applicantName: citizen.fullName,
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    documents: [],
    processingTime: '7 ngày làm việc',
    receivedAt,
    appointmentAt: '2026-03-19T09:00:00+07:00',
    collectAt: 'Quầy 1',
    status,
    lookupUrl: `https://example.invalid/tra-cuu?ma=${code}`,
    trackingHint: '',
    kioskId: 'KIOSK-T',
  };
}

function database(): KioskDatabase {
  return openDatabase(':memory:', [...coreMigrations, ...PRIVACY_MIGRATIONS]);
}

function row(db: KioskDatabase, code: string): Record<string, unknown> {
  return db.prepare('SELECT * FROM receipts WHERE dossier_code = ?').get(code) as Record<
    string,
    unknown
  >;
}

const purge = (db: KioskDatabase, code: string) =>
  db
    .prepare(
      "UPDATE receipts SET personal_id = '', slip_json = '', personal_id_sealed = NULL, purged_at = '2026-05-01' WHERE dossier_code = ?",
    )
    .run(code);

describe('EncryptedReceiptRepository after saving', () => {
  it('replaces a slip sealed, and counts the new slip as not printed', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    repo.save(slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'queued'), citizen.personalId);
    repo.markPrinted('H01-260310-1001');
    expect(row(db, 'H01-260310-1001').printed).toBe(1);
    expect(repo.replaceSlip(slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'received'))).toBe(
      true,
    );
    const stored = row(db, 'H01-260310-1001');
    expect(stored.printed).toBe(0);
    const cipher = new FieldCipher(testKey(1));
    const opened = cipher.open(String(stored.slip_json), {
      table: 'receipts',
      column: 'slip_json',
    });
    expect(JSON.parse(opened)).toMatchObject({ status: 'received' });
    expect(
      cipher.open(String(stored.personal_id_sealed), {
        table: 'receipts',
        column: 'personal_id_sealed',
      }),
    ).toBe(citizen.personalId);
    expect(String(stored.slip_json)).not.toContain(citizen.fullName);
    expect(repo.get('H01-260310-1001')).toMatchObject({
      printed: false,
      receipt: { status: 'received' },
    });
  });

  it('replaces nothing for an unknown code or a purged receipt, and does not mark a purged one', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    repo.save(slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'queued'), citizen.personalId);
    expect(repo.replaceSlip(slip('H01-000000-0000', '2026-03-10T09:00:00+07:00', 'queued'))).toBe(
      false,
    );
    purge(db, 'H01-260310-1001');
    expect(repo.replaceSlip(slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'received'))).toBe(
      false,
    );
    repo.markPrinted('H01-260310-1001');
    expect(row(db, 'H01-260310-1001')).toMatchObject({ slip_json: '', printed: 0 });
  });

  it('stamps a saved row with the time it was stored', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1), {
      now: () => new Date('2026-03-10T02:03:04.000Z'),
    });
    repo.save(slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'queued'), citizen.personalId);
    expect(row(db, 'H01-260310-1001').created_at).toBe('2026-03-10T02:03:04.000Z');
  });

  it('finds by day range (the last day included) and stops at 50 by default, newest first', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    for (let i = 0; i < 55; i += 1) {
      const minute = String(i).padStart(2, '0');
      repo.save(
        slip(`H01-260310-${1000 + i}`, `2026-03-1${i % 3}T09:${minute}:00+07:00`, 'queued'),
        citizen.personalId,
      );
    }
    const found = repo.find({});
    expect(found).toHaveLength(50);
    expect(found[0]?.receipt.receivedAt).toBe('2026-03-12T09:53:00+07:00');
    const day = repo.find({ from: '2026-03-11', to: '2026-03-11' });
    expect(day).toHaveLength(18);
    expect(day.every((r) => r.receipt.receivedAt.startsWith('2026-03-11'))).toBe(true);
    expect(repo.find({ from: '2026-03-12' })).toHaveLength(18);
    expect(repo.find({ to: '2026-03-10' })).toHaveLength(19);
    expect(repo.find({ dossierCode: 'H01-260310-1054' })).toHaveLength(1);
  });

  it('seals plain rows and rows of a previous key when opened, and says how many it changed', () => {
    const db = database();
    new ReceiptRepository(db).save(
      slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'queued'),
      citizen.personalId,
    );
    new EncryptedReceiptRepository(db, testKey(1)).save(
      slip('H01-260310-1002', '2026-03-10T10:00:00+07:00', 'queued'),
      citizen.personalId,
    );
    const rotated = new EncryptedReceiptRepository(db, {
      current: testKey(2),
      previous: [testKey(1)],
    });
    for (const code of ['H01-260310-1001', 'H01-260310-1002']) {
      const stored = row(db, code);
      expect(FieldCipher.keyIdOf(String(stored.slip_json))).toBe(testKey(2).id);
      expect(FieldCipher.keyIdOf(String(stored.personal_id_sealed))).toBe(testKey(2).id);
    }
    expect(rotated.resealRows()).toBe(0);
    new ReceiptRepository(db).save(
      slip('H01-260310-1003', '2026-03-10T11:00:00+07:00', 'queued'),
      citizen.personalId,
    );
    expect(rotated.resealRows()).toBe(1);
    expect(rotated.find({ personalId: citizen.personalId })).toHaveLength(3);
  });

  it('leaves a purged row alone when sealing at open', () => {
    const db = database();
    new ReceiptRepository(db).save(
      slip('H01-260310-1001', '2026-03-10T09:00:00+07:00', 'queued'),
      citizen.personalId,
    );
    purge(db, 'H01-260310-1001');
    expect(new EncryptedReceiptRepository(db, testKey(1)).resealRows()).toBe(0);
    expect(row(db, 'H01-260310-1001')).toMatchObject({ slip_json: '', personal_id_sealed: null });
  });
});
