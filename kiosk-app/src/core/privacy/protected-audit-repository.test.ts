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
/** A key id or hash in hex (16+ lowercase hex characters, at least one letter) is not an ID. */
const HEX_KEY = /(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])/g;

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
        expect((stored.subject ?? '').replace(HEX_KEY, '')).not.toMatch(STANDALONE_ID);
        expect((stored.detail ?? '').replace(HEX_KEY, '')).not.toMatch(STANDALONE_ID);
        expect(audit.record('staff:lan', action, stored.subject ?? '').subject).toBe(
          stored.subject,
        );
      }),
    );
    expect(new ProtectedAuditRepository(db, testKey(9)).protectStoredEntries()).toBe(0);
  });

  it('leaves a hex key id whose digits run to nine alone, and still hides an ID glued to a word', () => {
    // Found in CI: a configuration bundle's key id `4c868179812eabca` came out of the audit with
    // its middle turned into a token, so the rollout audit named a key that does not exist.
    const { audit } = setup();
    const detail = 'serial 3, key 4c868179812eabca, changed centreName';
    expect(audit.record('technician:an', 'config.apply', undefined, detail).detail).toBe(detail);
    const glued = audit.record('staff:lan', 'config.set', 'CCCD079123456789').subject ?? '';
    expect(glued).not.toContain('079123456789');
  });
});
