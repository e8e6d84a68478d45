import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { BlindIndex } from './blind-index';
import { AUDIT_SUBJECT, ProtectedAuditRepository } from './protected-audit-repository';
import { testKey } from './test-keys';

const setup = () => {
  const db = openDatabase(':memory:', coreMigrations);
  return { db, audit: new ProtectedAuditRepository(db, testKey(9)) };
};
const STANDALONE_ID = /(?<!\d)(?:\d{12}|\d{9})(?!\d)/;

describe('ProtectedAuditRepository', () => {
  it('keeps the token of a searched ID and leaves dossier codes and dates alone', () => {
    const { audit } = setup();
    const token = new BlindIndex(testKey(9)).tokenOf('079123456789', AUDIT_SUBJECT);
    expect(
      audit.record('staff:lan', 'receipts.find', 'H01-261128-1001|079123456789|2026-11-01|'),
    ).toMatchObject({ subject: `H01-261128-1001|${token}|2026-11-01|` });
    expect(audit.record('staff:lan', 'receipts.reprint', 'H01-261128-1001').subject).toBe(
      'H01-261128-1001',
    );
    expect(audit.record('staff:lan', 'outbox.retry', '42').subject).toBe('42');
  });

  it('never stores a standalone 9- or 12-digit number, and protecting twice changes nothing', () => {
    const { db, audit } = setup();
    const piece = fc.oneof(
      fc.stringMatching(/^\d{9}$|^\d{12}$/),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('|', '-', ' ', 'H01-261128-1001'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, search) => {
        const text = pieces.join('');
        const action = search ? 'receipts.find' : 'config.set';
        const stored = audit.record('staff:lan', action, text, text);
        expect(stored.subject ?? '').not.toMatch(STANDALONE_ID);
        expect(stored.detail ?? '').not.toMatch(STANDALONE_ID);
        expect(audit.record('staff:lan', action, stored.subject ?? '').subject).toBe(
          stored.subject,
        );
      }),
    );
    expect(new ProtectedAuditRepository(db, testKey(9)).protectStoredEntries()).toBe(0);
  });
});
