import type { KioskDatabase } from '../store/database';
import { systemAuthClock, type AuthClock } from './auth-clock';
import { KeyedQueue } from './keyed-queue';
import { FREE_ATTEMPTS, lockDurationMs, LockTimer } from './lockout';
import {
  CURRENT_SCRYPT,
  decodeCost,
  encodeCost,
  hashPin,
  newSalt,
  sameHash,
  type ScryptCost,
} from './pin-hash';
import { assertAcceptablePin, isAcceptablePin } from './pin-policy';

export { accountMigrations } from './account-migrations';

export type StaffRole = 'staff' | 'technician';

export type SignInResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'bad-credentials' }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterMs: number }
  /** The PIN was right but shorter than the rule; no session until a new one is set. */
  | { readonly ok: false; readonly reason: 'pin-change-required' };

/** What `createFirstTechnician` did: only `created` made an account. */
export type FirstTechnicianResult = 'created' | 'technician-exists' | 'claim-refused';

interface AccountRow {
  salt: Buffer;
  hash: Buffer;
  kdf: string;
  failures: number;
  locked_until: number;
  lock_ms: number;
}

/** A dummy hash target for unknown users, so they cost the same scrypt work as known ones. */
const UNKNOWN_USER_COST: ScryptCost = CURRENT_SCRYPT;

/**
 * Staff and technician accounts with PINs hashed by scrypt.
 *
 * Sign-ins to one account run one at a time (`KeyedQueue`), and each attempt is counted in the
 * database, in the same transaction that checks the lock, before the PIN is hashed: a burst of
 * concurrent guesses, or a process killed mid-hash, cannot dodge the count. A success resets the
 * count only while the account is not locked, and a locked account refuses every PIN, right or
 * wrong, without hashing it. Lock windows run on the monotonic clock (`LockTimer`).
 */
export class AccountStore {
  private readonly queue = new KeyedQueue();
  private readonly locks: LockTimer;

  constructor(
    private readonly db: KioskDatabase,
    private readonly clock: AuthClock = systemAuthClock,
  ) {
    this.locks = new LockTimer(clock);
  }

  async create(user: string, role: StaffRole, pin: string): Promise<void> {
    assertAcceptablePin(pin);
    const salt = newSalt();
    const hash = await hashPin(pin, salt, CURRENT_SCRYPT);
    this.db
      .prepare(
        `INSERT INTO accounts (user, role, salt, hash, kdf, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (user, role) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,
           kdf = excluded.kdf, failures = 0, locked_until = 0, lock_ms = 0`,
      )
      .run(user, role, salt, hash, encodeCost(CURRENT_SCRYPT), this.createdAt());
    this.locks.forget(keyOf(user, role));
  }

  exists(user: string, role: StaffRole): boolean {
    return (
      this.db.prepare('SELECT 1 FROM accounts WHERE user = ? AND role = ?').get(user, role) !==
      undefined
    );
  }

  /**
   * Creates the first technician, but only while there is none, and only if `claim` (run inside
   * the same transaction, e.g. consuming a one-time setup code) agrees. The check and the insert
   * are one synchronous transaction after the (slow, async) hashing, so two racing setups cannot
   * both succeed, and a claimed code and the account it made cannot come apart.
   */
  async createFirstTechnician(
    user: string,
    pin: string,
    claim: () => boolean = () => true,
  ): Promise<FirstTechnicianResult> {
    assertAcceptablePin(pin);
    if (this.count('technician') > 0) return 'technician-exists';
    const salt = newSalt();
    const hash = await hashPin(pin, salt, CURRENT_SCRYPT);
    return this.db
      .transaction((): FirstTechnicianResult => {
        if (this.count('technician') > 0) return 'technician-exists';
        if (!claim()) return 'claim-refused';
        this.db
          .prepare(
            `INSERT INTO accounts (user, role, salt, hash, kdf, created_at)
             VALUES (?, 'technician', ?, ?, ?, ?)`,
          )
          .run(user, salt, hash, encodeCost(CURRENT_SCRYPT), this.createdAt());
        return 'created';
      })
      .immediate();
  }

  count(role?: StaffRole): number {
    const row = (
      role
        ? this.db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE role = ?').get(role)
        : this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get()
    ) as { n: number };
    return row.n;
  }

  /**
   * Checks a PIN. With `newPin` (6–12 digits), a right PIN is replaced by it; an account whose
   * PIN is shorter than the rule (made before it) gets no session without one.
   */
  signIn(
    user: string,
    role: StaffRole,
    pin: string,
    options: { readonly newPin?: string } = {},
  ): Promise<SignInResult> {
    if (options.newPin !== undefined) assertAcceptablePin(options.newPin);
    return this.queue.run(keyOf(user, role), () => this.attempt(user, role, pin, options.newPin));
  }

  private async attempt(
    user: string,
    role: StaffRole,
    pin: string,
    newPin: string | undefined,
  ): Promise<SignInResult> {
    const key = keyOf(user, role);
    const begun = this.countAttempt(user, role);
    if (begun.kind === 'locked')
      return { ok: false, reason: 'locked', retryAfterMs: begun.retryAfterMs };
    if (begun.kind === 'unknown') {
      await hashPin(pin, newSalt(), UNKNOWN_USER_COST);
      return { ok: false, reason: 'bad-credentials' };
    }
    const { row } = begun;
    const hash = await hashPin(pin, row.salt, decodeCost(row.kdf));
    if (!sameHash(hash, row.hash)) return this.recordFailure(user, role);

    const stillLocked = this.lockNow(key, user, role);
    if (stillLocked > 0) return { ok: false, reason: 'locked', retryAfterMs: stillLocked };
    const replacement = newPin ?? (isAcceptablePin(pin) ? pin : undefined);
    const upgrade = replacement !== undefined && (newPin !== undefined || isLegacy(row.kdf));
    const salt = upgrade ? newSalt() : row.salt;
    const newHash = upgrade ? await hashPin(replacement, salt, CURRENT_SCRYPT) : row.hash;
    // Reset only if no lock appeared while hashing (another process sharing the database).
    const reset = this.db
      .prepare(
        `UPDATE accounts SET failures = 0, locked_until = 0, lock_ms = 0, salt = ?, hash = ?, kdf = ?
         WHERE user = ? AND role = ? AND locked_until = ?`,
      )
      .run(
        salt,
        newHash,
        upgrade ? encodeCost(CURRENT_SCRYPT) : row.kdf,
        user,
        role,
        row.locked_until,
      );
    if (reset.changes === 0) {
      const remaining = this.lockNow(key, user, role);
      if (remaining > 0) return { ok: false, reason: 'locked', retryAfterMs: remaining };
    }
    this.locks.forget(key);
    if (replacement === undefined) return { ok: false, reason: 'pin-change-required' };
    return { ok: true };
  }

  /** One transaction: refuse while locked, else count this attempt as a failure up front. */
  private countAttempt(
    user: string,
    role: StaffRole,
  ):
    | { kind: 'unknown' }
    | { kind: 'locked'; retryAfterMs: number }
    | { kind: 'counted'; row: AccountRow } {
    return this.db
      .transaction(() => {
        const row = this.row(user, role);
        if (!row) return { kind: 'unknown' as const };
        const remaining = this.locks.remainingMs(keyOf(user, role), storedLock(row));
        if (remaining > 0) return { kind: 'locked' as const, retryAfterMs: remaining };
        this.db
          .prepare('UPDATE accounts SET failures = failures + 1 WHERE user = ? AND role = ?')
          .run(user, role);
        return { kind: 'counted' as const, row: { ...row, failures: row.failures + 1 } };
      })
      .immediate();
  }

  /** The attempt was already counted; lock the account if the count calls for it. */
  private recordFailure(user: string, role: StaffRole): SignInResult {
    return this.db
      .transaction((): SignInResult => {
        const row = this.row(user, role);
        if (!row) return { ok: false, reason: 'bad-credentials' };
        const key = keyOf(user, role);
        const current = this.locks.remainingMs(key, storedLock(row));
        if (current > 0) return { ok: false, reason: 'locked', retryAfterMs: current };
        const lockMs = row.failures >= FREE_ATTEMPTS ? lockDurationMs(row.failures) : 0;
        if (lockMs === 0) return { ok: false, reason: 'bad-credentials' };
        const lock = this.locks.start(key, lockMs);
        this.db
          .prepare('UPDATE accounts SET locked_until = ?, lock_ms = ? WHERE user = ? AND role = ?')
          .run(lock.lockedUntil, lock.lockMs, user, role);
        return { ok: false, reason: 'locked', retryAfterMs: lockMs };
      })
      .immediate();
  }

  private lockNow(key: string, user: string, role: StaffRole): number {
    const row = this.row(user, role);
    return row ? this.locks.remainingMs(key, storedLock(row)) : 0;
  }

  private row(user: string, role: StaffRole): AccountRow | undefined {
    return this.db
      .prepare(
        `SELECT salt, hash, kdf, failures, locked_until, lock_ms FROM accounts
         WHERE user = ? AND role = ?`,
      )
      .get(user, role) as AccountRow | undefined;
  }

  private createdAt(): string {
    return new Date(this.clock.wallMs()).toISOString();
  }
}

function keyOf(user: string, role: StaffRole): string {
  return `${role}\u0000${user}`;
}

function storedLock(row: AccountRow): { lockedUntil: number; lockMs: number } {
  // Rows locked before the lock length was stored: the length their failure count implies.
  return { lockedUntil: row.locked_until, lockMs: row.lock_ms || lockDurationMs(row.failures) };
}

function isLegacy(kdf: string): boolean {
  return kdf !== encodeCost(CURRENT_SCRYPT);
}
