/**
 * The key check row of each data key, as stored in SQLite: written once per key, with the time,
 * and a row that its own key cannot open stops the kiosk (a key file replaced under the same id).
 */
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../testing/thrown-by';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase, type KioskDatabase } from '../store/database';
import { FieldCipher } from './field-cipher';
import { assertKeyMatchesDatabase } from './key-check';
import { PrivacyError } from './privacy-error';
import { PRIVACY_MIGRATIONS } from './privacy-migrations';
import { testKey } from './test-keys';

const database = (): KioskDatabase =>
  openDatabase(':memory:', [...coreMigrations, ...PRIVACY_MIGRATIONS]);

const checks = (db: KioskDatabase) =>
  db
    .prepare('SELECT key_id, sealed, created_at FROM privacy_key_check ORDER BY created_at')
    .all() as {
    key_id: string;
    sealed: string;
    created_at: string;
  }[];

describe('assertKeyMatchesDatabase', () => {
  it('records the key once, sealed in its own column, at the time given', () => {
    const db = database();
    const cipher = new FieldCipher(testKey(1));
    assertKeyMatchesDatabase(db, cipher, () => new Date('2026-03-01T00:00:00.000Z'));
    assertKeyMatchesDatabase(db, cipher, () => new Date('2026-04-01T00:00:00.000Z'));
    const [row, ...more] = checks(db);
    expect(more).toEqual([]);
    expect(row?.key_id).toBe(testKey(1).id);
    expect(row?.created_at).toBe('2026-03-01T00:00:00.000Z');
    expect(cipher.open(row?.sealed ?? '', { table: 'privacy_key_check', column: 'sealed' })).toBe(
      'cccd-kiosk data key check v1',
    );
  });

  it('adds the new key beside the old one after a rotation', () => {
    const db = database();
    assertKeyMatchesDatabase(db, new FieldCipher(testKey(1)), () => new Date('2026-03-01'));
    assertKeyMatchesDatabase(
      db,
      new FieldCipher({ current: testKey(2), previous: [testKey(1)] }),
      () => new Date('2026-04-01'),
    );
    expect(checks(db).map((r) => r.key_id)).toEqual([testKey(1).id, testKey(2).id]);
    expect(() => assertKeyMatchesDatabase(db, new FieldCipher(testKey(2)))).not.toThrow();
  });

  it('names the keys the database knows and the key loaded', () => {
    const db = database();
    assertKeyMatchesDatabase(db, new FieldCipher(testKey(1)), () => new Date('2026-03-01'));
    assertKeyMatchesDatabase(
      db,
      new FieldCipher({ current: testKey(2), previous: [testKey(1)] }),
      () => new Date('2026-04-01'),
    );
    const error = thrownBy(PrivacyError, () =>
      assertKeyMatchesDatabase(db, new FieldCipher(testKey(3))),
    );
    expect(error.code).toBe('KEY_MISMATCH');
    expect(error.message).toBe(
      `This database was encrypted with data key ${testKey(1).id}, ${testKey(2).id}, but the ` +
        `kiosk loaded key ${testKey(3).id}. Restore the original key file from the ` +
        "centre's backup; personal data already stored cannot be read without it.",
    );
  });

  it('stops at a check its own key cannot open', () => {
    const db = database();
    const cipher = new FieldCipher(testKey(1));
    assertKeyMatchesDatabase(db, cipher);
    // The row a key of the same id but other bytes would have written.
    const forged = cipher.seal('another key check', { table: 'privacy_key_check', column: 'x' });
    db.prepare('UPDATE privacy_key_check SET sealed = ?').run(forged);
    const error = thrownBy(PrivacyError, () => assertKeyMatchesDatabase(db, cipher));
    expect(error.code).toBe('KEY_MISMATCH');
    expect(error.message).toBe(
      `The data key ${testKey(1).id} does not open this database's key check: the key file was ` +
        'changed. Restore the original key file from the backup.',
    );
    db.prepare('UPDATE privacy_key_check SET sealed = ?').run(
      cipher.seal('another text', { table: 'privacy_key_check', column: 'sealed' }),
    );
    expect(thrownBy(PrivacyError, () => assertKeyMatchesDatabase(db, cipher)).code).toBe(
      'KEY_MISMATCH',
    );
  });
});
