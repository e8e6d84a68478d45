import type { Migration } from '../store/database';

/** Per-day counters of this kiosk's block; one row per receiving unit and local day. */
export const DOSSIER_CODE_MIGRATIONS: readonly Migration[] = [
  {
    version: 100,
    name: 'dossier-code: per-day sequence',
    up(db) {
      db.exec(`CREATE TABLE dossier_sequence (
        unit_code TEXT NOT NULL,
        day TEXT NOT NULL,
        next_number INTEGER NOT NULL,
        PRIMARY KEY (unit_code, day)
      ) STRICT`);
    },
  },
];
