import type { Migration } from '../store/database';

/**
 * The rating outbox (issue 18): a satisfaction rating is committed here with its idempotency
 * key before any network call, one per dossier. It holds no personal data (dossier code, level,
 * reasons, a redacted comment), so it is kept in clear.
 */
export const RATING_OUTBOX_MIGRATIONS: readonly Migration[] = [
  {
    version: 180,
    name: 'outbox: satisfaction ratings waiting for the portal',
    up(db) {
      db.exec(`CREATE TABLE outbox_rating (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_code TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_rating_due ON outbox_rating (state, next_attempt_at);`);
    },
  },
];
