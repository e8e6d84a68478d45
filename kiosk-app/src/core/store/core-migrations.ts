import type { Migration } from './database';

/** The core's own tables. Outbox and dossier tables come from `outbox/outbox-migrations.ts`. */
export const coreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings, receipts and audit log',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE TABLE receipts (
          dossier_code TEXT PRIMARY KEY,
          personal_id TEXT NOT NULL,
          procedure_code TEXT NOT NULL,
          received_at TEXT NOT NULL,
          slip_json TEXT NOT NULL,
          printed INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        );
        CREATE INDEX receipts_by_person ON receipts (personal_id);
        CREATE INDEX receipts_by_date ON receipts (received_at);
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          subject TEXT,
          detail TEXT
        );
      `);
    },
  },
];
