import type { Migration } from '../store/database';
import { DOSSIER_CODE_MIGRATIONS } from '../dossier-code/dossier-code-migrations';

/**
 * The outbox table: a dossier is committed here (with its code and idempotency key) before any
 * network call, and its payload is cleared once the gateway acknowledges it, so personal data
 * stays only as long as it must.
 */
export const OUTBOX_TABLE_MIGRATIONS: readonly Migration[] = [
  {
    version: 101,
    name: 'outbox: dossiers waiting for the gateway',
    up(db) {
      db.exec(`CREATE TABLE outbox_dossier (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        gateway_status TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_dossier_due ON outbox_dossier (state, next_attempt_at);`);
    },
  },
];

/**
 * Row ids that are never reused: with a plain INTEGER PRIMARY KEY SQLite hands the id of the
 * newest deleted row (purged, or rolled back) to the next dossier. SQLite cannot add
 * AUTOINCREMENT to a table, so it is rebuilt (https://sqlite.org/lang_altertable.html §7).
 */
export const OUTBOX_AUTOINCREMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 102,
    name: 'outbox: row ids never reused (AUTOINCREMENT)',
    up(db) {
      db.exec(`CREATE TABLE outbox_dossier_v2 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        gateway_status TEXT,
        last_error TEXT
      ) STRICT;
      INSERT INTO outbox_dossier_v2 SELECT * FROM outbox_dossier;
      DROP TABLE outbox_dossier;
      ALTER TABLE outbox_dossier_v2 RENAME TO outbox_dossier;
      CREATE INDEX outbox_dossier_due ON outbox_dossier (state, next_attempt_at);`);
    },
  },
];

/** Every table of the back-office links, for the store's migration runner (versions 100+). */
export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  ...DOSSIER_CODE_MIGRATIONS,
  ...OUTBOX_TABLE_MIGRATIONS,
  ...OUTBOX_AUTOINCREMENT_MIGRATIONS,
];
