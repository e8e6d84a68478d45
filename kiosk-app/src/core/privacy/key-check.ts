import type { KioskDatabase } from '../store/database';
import type { FieldCipher } from './field-cipher';
import { PrivacyError } from './privacy-error';

const CHECK_FIELD = { table: 'privacy_key_check', column: 'sealed' } as const;
const CHECK_TEXT = 'cccd-kiosk data key check v1';

/**
 * Verifies that the loaded key is the one this database's personal data was sealed with, and
 * records the current key on first use. Throws `KEY_MISMATCH` when the database only knows other
 * keys (a kiosk restored without its key file, or a key file replaced by a reinstall).
 */
export function assertKeyMatchesDatabase(
  db: KioskDatabase,
  cipher: FieldCipher,
  now: () => Date = () => new Date(),
): void {
  const rows = db.prepare('SELECT key_id, sealed FROM privacy_key_check').all() as {
    key_id: string;
    sealed: string;
  }[];
  const known = rows.filter((r) => cipher.knowsKey(r.key_id));
  if (rows.length > 0 && known.length === 0)
    throw new PrivacyError(
      'KEY_MISMATCH',
      `This database was encrypted with data key ${rows.map((r) => r.key_id).join(', ')}, but the ` +
        `kiosk loaded key ${cipher.currentKeyId}. Restore the original key file from the ` +
        "centre's backup; personal data already stored cannot be read without it.",
    );
  for (const row of known) {
    if (!opensCheck(cipher, row.sealed))
      throw new PrivacyError(
        'KEY_MISMATCH',
        `The data key ${row.key_id} does not open this database's key check: the key file was ` +
          'changed. Restore the original key file from the backup.',
      );
  }
  if (!rows.some((r) => r.key_id === cipher.currentKeyId))
    db.prepare('INSERT INTO privacy_key_check (key_id, sealed, created_at) VALUES (?, ?, ?)').run(
      cipher.currentKeyId,
      cipher.seal(CHECK_TEXT, CHECK_FIELD),
      now().toISOString(),
    );
}

/** True when the key check opens and holds the constant; false when it is altered or forged. */
function opensCheck(cipher: FieldCipher, sealed: string): boolean {
  try {
    return cipher.open(sealed, CHECK_FIELD) === CHECK_TEXT;
  } catch {
    return false;
  }
}
