import type { Migration } from '../store/database';
import { encodeCost, LEGACY_SCRYPT } from './pin-hash';

export const accountMigrations: readonly Migration[] = [
  {
    version: 2,
    name: 'staff and technician accounts',
    up(db) {
      db.exec(`CREATE TABLE accounts (
        user TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'technician')),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (user, role)
      )`);
    },
  },
  {
    // Issue 14: the scrypt cost is stored per hash (old hashes are re-made at the next sign-in),
    // and a lock keeps its length so a restart can time it without trusting the wall clock.
    version: 140,
    name: 'account hash cost and lock length',
    up(db) {
      db.exec(
        `ALTER TABLE accounts ADD COLUMN kdf TEXT NOT NULL DEFAULT '${encodeCost(LEGACY_SCRYPT)}'`,
      );
      db.exec('ALTER TABLE accounts ADD COLUMN lock_ms INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    // Issue 13: first-run setup needs a one-time code that `kiosk setup code` (root, on the
    // machine) issued. One code at a time; only its hash is stored, with its expiry and the
    // count and lock of wrong tries, as for a PIN.
    version: 130,
    name: 'first-run setup code',
    up(db) {
      db.exec(`CREATE TABLE setup_code (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        salt BLOB NOT NULL,
        hash BLOB NOT NULL,
        kdf TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        ttl_ms INTEGER NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,
        lock_ms INTEGER NOT NULL DEFAULT 0
      )`);
    },
  },
];
