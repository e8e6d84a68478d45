import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Migration } from '../store/database';
import type { KioskDatabase } from '../store/database';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost: ~50 ms per attempt here, so a PIN cannot be brute-forced from a stolen database quickly. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** Failures before a lockout; each further failure doubles it. */
const FREE_ATTEMPTS = 3;
const BASE_LOCKOUT_MS = 30_000;

export type StaffRole = 'staff' | 'technician';

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
];

export type SignInResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'bad-credentials' }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterMs: number };

interface AccountRow {
  salt: Buffer;
  hash: Buffer;
  failures: number;
  locked_until: number;
}

/**
 * Staff and technician accounts with PINs hashed by scrypt. Repeated failures lock the account
 * for a delay that doubles with every further failure; an unknown user costs the same scrypt
 * work as a known one so timing does not reveal which accounts exist.
 */
export class AccountStore {
  constructor(
    private readonly db: KioskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async create(user: string, role: StaffRole, pin: string): Promise<void> {
    if (!/^\d{4,12}$/.test(pin)) throw new Error('a PIN is 4 to 12 digits');
    const salt = randomBytes(16);
    const hash = await scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);
    this.db
      .prepare(
        `INSERT INTO accounts (user, role, salt, hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user, role) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, failures = 0, locked_until = 0`,
      )
      .run(user, role, salt, hash, new Date(this.now()).toISOString());
  }

  exists(user: string, role: StaffRole): boolean {
    return (
      this.db.prepare('SELECT 1 FROM accounts WHERE user = ? AND role = ?').get(user, role) !==
      undefined
    );
  }

  /**
   * First-run setup: creates the first technician, but only while there is none. The check and
   * the insert are one synchronous transaction after the (slow, async) hashing, so two racing
   * setup requests cannot both succeed. False when a technician already exists.
   */
  async createFirstTechnician(user: string, pin: string): Promise<boolean> {
    if (!/^\d{4,12}$/.test(pin)) throw new Error('a PIN is 4 to 12 digits');
    if (this.count('technician') > 0) return false;
    const salt = randomBytes(16);
    const hash = await scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);
    return this.db.transaction((): boolean => {
      if (this.count('technician') > 0) return false;
      this.db
        .prepare(
          `INSERT INTO accounts (user, role, salt, hash, created_at) VALUES (?, 'technician', ?, ?, ?)`,
        )
        .run(user, salt, hash, new Date(this.now()).toISOString());
      return true;
    })();
  }

  count(role?: StaffRole): number {
    const row = (
      role
        ? this.db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE role = ?').get(role)
        : this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get()
    ) as { n: number };
    return row.n;
  }

  async signIn(user: string, role: StaffRole, pin: string): Promise<SignInResult> {
    const row = this.db
      .prepare(
        'SELECT salt, hash, failures, locked_until FROM accounts WHERE user = ? AND role = ?',
      )
      .get(user, role) as AccountRow | undefined;
    const now = this.now();
    if (row && row.locked_until > now) {
      return { ok: false, reason: 'locked', retryAfterMs: row.locked_until - now };
    }
    const salt = row?.salt ?? randomBytes(16);
    const hash = await scryptAsync(pin, salt, KEY_LENGTH, SCRYPT);
    if (row && timingSafeEqual(hash, row.hash)) {
      this.db
        .prepare('UPDATE accounts SET failures = 0, locked_until = 0 WHERE user = ? AND role = ?')
        .run(user, role);
      return { ok: true };
    }
    if (!row) return { ok: false, reason: 'bad-credentials' };
    const failures = row.failures + 1;
    const lockMs =
      failures >= FREE_ATTEMPTS ? BASE_LOCKOUT_MS * 2 ** (failures - FREE_ATTEMPTS) : 0;
    this.db
      .prepare('UPDATE accounts SET failures = ?, locked_until = ? WHERE user = ? AND role = ?')
      .run(failures, lockMs ? now + lockMs : 0, user, role);
    return lockMs
      ? { ok: false, reason: 'locked', retryAfterMs: lockMs }
      : { ok: false, reason: 'bad-credentials' };
  }
}
