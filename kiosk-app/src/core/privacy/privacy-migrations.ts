import type { Migration } from '../store/database';

/**
 * Schema for encryption at rest and the purge (versions 200+, after the core's and the outbox's).
 * - `receipts.personal_id` keeps its name and index but now holds a blind-index token; the ID
 *   itself is kept sealed in `personal_id_sealed` so the index can be recomputed on key rotation.
 * - `receipts.purged_at`: set when the purge strips a receipt's personal data; the dossier code,
 *   procedure and dates stay for the centre's statistics.
 * - `privacy_key_check`: one sealed constant per data key, so a kiosk started with the wrong key
 *   stops at once with a clear message instead of failing on the first reprint.
 */
export const PRIVACY_MIGRATIONS: readonly Migration[] = [
  {
    version: 200,
    name: 'privacy: sealed receipts, purge marker, key check',
    up(db) {
      db.exec(`
        ALTER TABLE receipts ADD COLUMN personal_id_sealed TEXT;
        ALTER TABLE receipts ADD COLUMN purged_at TEXT;
        CREATE INDEX receipts_by_created ON receipts (created_at);
        CREATE TABLE privacy_key_check (
          key_id TEXT PRIMARY KEY,
          sealed TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
