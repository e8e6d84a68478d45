/**
 * Audit entries an older version wrote in clear are rewritten when the protected audit opens,
 * in a real SQLite file, and the WAL that still held the old cells is emptied.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditRepository } from '../store/audit-repository';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase, type KioskDatabase } from '../store/database';
import { BlindIndex } from './blind-index';
import { AUDIT_SUBJECT, ProtectedAuditRepository } from './protected-audit-repository';
import { testKey } from './test-keys';

const ID = '079123456789';
const OLD_ID = '123456789';

function fileDatabase(): { db: KioskDatabase; wal: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-audit-upgrade-')), 'kiosk.sqlite');
  return { db: openDatabase(file, coreMigrations), wal: `${file}-wal` };
}

interface Stored {
  action: string;
  subject: string | null;
  detail: string | null;
}

const stored = (db: KioskDatabase): Stored[] =>
  db.prepare('SELECT action, subject, detail FROM audit_log ORDER BY id').all() as Stored[];

describe('ProtectedAuditRepository opening an older audit log', () => {
  it('rewrites every entry that names an ID, leaves the others, and empties the WAL', () => {
    const { db, wal } = fileDatabase();
    const plain = new AuditRepository(db);
    plain.record('staff:lan', 'receipts.find', `|${ID}||`);
    plain.record('staff:lan', 'receipts.find', 'H01-261128-1001|||');
    plain.record('staff:lan', 'receipt.reprint', 'H01-261128-1001', `asked by ${OLD_ID}`);
    plain.record('staff:lan', 'config.set', `cmnd ${OLD_ID}`);
    plain.record('staff:lan', 'outbox.retry', '42');
    expect(statSync(wal).size).toBeGreaterThan(0);

    const audit = new ProtectedAuditRepository(db, testKey(9));
    const index = new BlindIndex(testKey(9));
    const token = (id: string) => index.tokenOf(id, AUDIT_SUBJECT);
    expect(stored(db)).toEqual([
      { action: 'receipts.find', subject: `|${token(ID)}||`, detail: null },
      { action: 'receipts.find', subject: 'H01-261128-1001|||', detail: null },
      {
        action: 'receipt.reprint',
        subject: 'H01-261128-1001',
        detail: `asked by ${token(OLD_ID)}`,
      },
      { action: 'config.set', subject: `cmnd ${token(OLD_ID)}`, detail: null },
      { action: 'outbox.retry', subject: '42', detail: null },
    ]);
    expect(statSync(wal).size).toBe(0);
    expect(audit.protectStoredEntries()).toBe(0);
  });

  it('says how many entries it rewrote', () => {
    const { db } = fileDatabase();
    const plain = new AuditRepository(db);
    plain.record('staff:lan', 'receipts.find', `|${ID}||`);
    plain.record('staff:lan', 'config.set', undefined, `id ${OLD_ID}`);
    const audit = new ProtectedAuditRepository(db, testKey(9));
    plain.record('staff:lan', 'receipts.find', `|${OLD_ID}||`);
    expect(audit.protectStoredEntries()).toBe(1);
    expect(JSON.stringify(stored(db))).not.toMatch(/\d{9}/);
  });

  it('keeps a search for a token as it is, and hides an ID in any other field of a search', () => {
    const { db } = fileDatabase();
    const audit = new ProtectedAuditRepository(db, testKey(9));
    const token = new BlindIndex(testKey(9)).tokenOf(ID, AUDIT_SUBJECT);
    expect(audit.record('staff:lan', 'receipts.find', `|${token}||`).subject).toBe(`|${token}||`);
    const elsewhere = audit.record('staff:lan', 'receipts.find', `${OLD_ID}|||`).subject ?? '';
    expect(elsewhere).toBe(`${new BlindIndex(testKey(9)).tokenOf(OLD_ID, AUDIT_SUBJECT)}|||`);
  });

  it('tokenises the whole ID field of a search, spaced or short, in the audit_log.subject key', () => {
    const { db } = fileDatabase();
    const audit = new ProtectedAuditRepository(db, testKey(9));
    const index = new BlindIndex(testKey(9));
    const column = { table: 'audit_log', column: 'subject' };
    expect(audit.record('staff:lan', 'receipts.find', '|0791 2345 6789||').subject).toBe(
      `|${index.tokenOf(ID, column)}||`,
    );
    expect(audit.record('staff:lan', 'receipts.find', '|12345||').subject).toBe(
      `|${index.tokenOf('12345', column)}||`,
    );
    expect(audit.record('staff:lan', 'receipts.find', '||2026-03-01|').subject).toBe(
      '||2026-03-01|',
    );
  });

  it('leaves an entry without subject or detail as it is', () => {
    const { db } = fileDatabase();
    const audit = new ProtectedAuditRepository(db, testKey(9));
    expect(audit.record('staff:lan', 'session.end')).toMatchObject({
      subject: null,
      detail: null,
    });
  });
});
