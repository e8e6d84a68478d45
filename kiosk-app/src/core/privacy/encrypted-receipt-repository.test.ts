import { syntheticCitizen } from '@kiosk/test-fixtures';
import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '@kiosk/protocol';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase, type KioskDatabase } from '../store/database';
import { ReceiptRepository } from '../store/receipt-repository';
import { EncryptedReceiptRepository } from './encrypted-receipt-repository';
import { isPrivacyError } from './privacy-error';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { testKey } from './test-keys';

function receipt(code: string, applicantName: string, receivedAt: string): ReceiptView {
  return {
    dossierCode: code,
    centreName: 'Trung tâm Phục vụ hành chính công',
    receivingUnit: 'Bộ phận Một cửa',
    applicantName,
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    documents: ['Tờ khai thay đổi thông tin cư trú'],
    processingTime: '7 ngày làm việc',
    receivedAt,
    appointmentAt: '2026-03-19T09:00:00+07:00',
    collectAt: 'Quầy trả kết quả',
    status: 'queued',
    lookupUrl: `https://dichvucong.example.gov.vn/tra-cuu?ma=${code}`,
    trackingHint: 'Tra cứu trên Cổng dịch vụ công',
    kioskId: 'KIOSK-01',
  };
}

const an = syntheticCitizen(1);
const binh = syntheticCitizen(2);

function database(): KioskDatabase {
  return openDatabase(':memory:', [...coreMigrations, ...PRIVACY_MIGRATIONS]);
}

function rawRows(db: KioskDatabase) {
  return db.prepare('SELECT * FROM receipts ORDER BY dossier_code').all() as Record<
    string,
    unknown
  >[];
}

function seed(repo: ReceiptRepository) {
  repo.save(receipt('H01-260310-1001', an.fullName, '2026-03-10T09:00:00+07:00'), an.personalId);
  repo.save(
    receipt('H01-260311-1002', binh.fullName, '2026-03-11T10:00:00+07:00'),
    binh.personalId,
  );
  repo.save(receipt('H01-260312-1003', an.fullName, '2026-03-12T11:00:00+07:00'), an.personalId);
}

describe('EncryptedReceiptRepository', () => {
  it('behaves like ReceiptRepository for save, markPrinted, get and find', () => {
    const plainDb = database();
    const sealedDb = database();
    const plain = new ReceiptRepository(plainDb);
    const sealed = new EncryptedReceiptRepository(sealedDb, testKey(1));
    for (const repo of [plain, sealed]) {
      seed(repo);
      repo.save(receipt('H01-260310-1001', 'ignored duplicate', '2026-01-01T00:00:00+07:00'), '1');
      repo.markPrinted('H01-260311-1002');
    }
    const queries = [
      {},
      { personalId: an.personalId },
      { personalId: binh.personalId },
      { personalId: '000000000000' },
      { dossierCode: 'H01-260311-1002' },
      { from: '2026-03-11', to: '2026-03-11' },
      { personalId: an.personalId, from: '2026-03-11' },
      { limit: 1 },
    ];
    for (const query of queries) expect(sealed.find(query)).toEqual(plain.find(query));
    for (const code of ['H01-260310-1001', 'H01-260311-1002', 'H01-000000-0000'])
      expect(sealed.get(code)).toEqual(plain.get(code));
    expect(sealed.find({ personalId: an.personalId })).toHaveLength(2);
  });

  it('stores no personal ID, name or slip text in the table', () => {
    const db = database();
    seed(new EncryptedReceiptRepository(db, testKey(1)));
    const dump = JSON.stringify(rawRows(db));
    for (const value of [an.personalId, binh.personalId, an.fullName, binh.fullName, 'applicant'])
      expect(dump).not.toContain(value);
    expect(dump).toContain('H01-260311-1002'); // the code stays readable for staff and statistics
  });

  it('fails with a typed error on a flipped byte or a slip moved between columns', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    seed(repo);
    const row = db
      .prepare(
        "SELECT slip_json, personal_id_sealed FROM receipts WHERE dossier_code = 'H01-260310-1001'",
      )
      .get() as { slip_json: string; personal_id_sealed: string };
    const last = row.slip_json.at(-2) === 'A' ? 'B' : 'A';
    db.prepare("UPDATE receipts SET slip_json = ? WHERE dossier_code = 'H01-260310-1001'").run(
      row.slip_json.slice(0, -2) + last + row.slip_json.slice(-1),
    );
    expect(() => repo.get('H01-260310-1001')).toThrow(
      expect.objectContaining({ code: 'SEALED_VALUE_TAMPERED' }),
    );
    db.prepare("UPDATE receipts SET slip_json = ? WHERE dossier_code = 'H01-260311-1002'").run(
      row.personal_id_sealed,
    );
    expect(() => repo.get('H01-260311-1002')).toThrow(
      expect.objectContaining({ code: 'SEALED_VALUE_TAMPERED' }),
    );
  });

  it('refuses to start with another key than the database was sealed with', () => {
    const db = database();
    seed(new EncryptedReceiptRepository(db, testKey(1)));
    let error: unknown;
    try {
      new EncryptedReceiptRepository(db, testKey(2));
    } catch (e) {
      error = e;
    }
    expect(isPrivacyError(error, 'KEY_MISMATCH')).toBe(true);
    expect(String(error)).toMatch(/Restore the original key file/);
    // The right key still works afterwards.
    expect(new EncryptedReceiptRepository(db, testKey(1)).find({})).toHaveLength(3);
  });

  it('seals receipts written in plain text before encryption was switched on', () => {
    const db = database();
    seed(new ReceiptRepository(db));
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    expect(JSON.stringify(rawRows(db))).not.toContain(an.fullName);
    expect(JSON.stringify(rawRows(db))).not.toContain(an.personalId);
    expect(repo.find({ personalId: an.personalId }).map((r) => r.receipt.dossierCode)).toEqual([
      'H01-260312-1003',
      'H01-260310-1001',
    ]);
    expect(repo.resealRows()).toBe(0);
  });

  it('rotates keys: old rows readable and searchable, then re-sealed under the new key', () => {
    const db = database();
    seed(new EncryptedReceiptRepository(db, testKey(1)));
    const rotated = new EncryptedReceiptRepository(db, {
      current: testKey(2),
      previous: [testKey(1)],
    });
    expect(rotated.find({ personalId: binh.personalId })).toHaveLength(1);
    expect(rotated.resealRows()).toBe(0); // the constructor already re-sealed them
    const onlyNew = new EncryptedReceiptRepository(db, testKey(2));
    expect(onlyNew.find({ personalId: an.personalId })).toHaveLength(2);
    expect(onlyNew.get('H01-260311-1002')?.receipt.applicantName).toBe(binh.fullName);
  });

  it('skips receipts the purge has stripped', () => {
    const db = database();
    const repo = new EncryptedReceiptRepository(db, testKey(1));
    seed(repo);
    db.prepare(
      "UPDATE receipts SET personal_id = '', slip_json = '', personal_id_sealed = NULL, purged_at = 'x' WHERE dossier_code = 'H01-260310-1001'",
    ).run();
    expect(repo.get('H01-260310-1001')).toBeUndefined();
    expect(repo.find({}).map((r) => r.receipt.dossierCode)).not.toContain('H01-260310-1001');
    expect(new EncryptedReceiptRepository(db, testKey(1)).find({})).toHaveLength(2);
  });

  it('overrides every public method of ReceiptRepository (so none writes plain text)', () => {
    const own = (proto: object) =>
      Object.getOwnPropertyNames(proto).filter((name) => name !== 'constructor');
    const sealed = new Set(own(EncryptedReceiptRepository.prototype));
    for (const name of own(ReceiptRepository.prototype)) expect(sealed).toContain(name);
  });
});
