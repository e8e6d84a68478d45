import type { KioskDatabase } from '../store/database';
import { DiskFullError, isDiskFull } from '../store/disk-full';
import { systemAuthClock, type AuthClock } from './auth-clock';
import { KeyedQueue } from './keyed-queue';
import { FREE_ATTEMPTS, lockDurationMs, LockTimer, type StoredLock } from './lockout';
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
import { UnsavedAttempts } from './unsaved-attempts';

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

/** A row as sign-in sees it; `stored_locked_until` is what the database itself holds. */
interface CountedRow extends AccountRow {
  stored_locked_until: number;
}

type Begun =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  | { readonly kind: 'counted'; readonly row: CountedRow };

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
 *
 * When the disk is full (issue 24) the count and the lock that cannot be written are kept in
 * memory (`UnsavedAttempts`) and added to the stored row, so the right PIN still signs in — a
 * technician must reach the health report that names the disk — while wrong ones still lock.
 */
export class AccountStore {
  private readonly queue = new KeyedQueue();
  private readonly locks: LockTimer;
  private readonly unsaved = new UnsavedAttempts();

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
    this.unsaved.forget(keyOf(user, role));
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
    let changes: number;
    try {
      changes = this.db
        .prepare(
          `UPDATE accounts SET failures = 0, locked_until = 0, lock_ms = 0, salt = ?, hash = ?,
             kdf = ? WHERE user = ? AND role = ? AND locked_until = ?`,
        )
        .run(
          salt,
          newHash,
          upgrade ? encodeCost(CURRENT_SCRYPT) : row.kdf,
          user,
          role,
          row.stored_locked_until,
        ).changes;
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      // A PIN the person chose must be saved before it is used; a rehash can wait for space.
      if (newPin !== undefined) throw new DiskFullError('the new PIN cannot be saved');
      changes = 0;
    }
    if (changes === 0) {
      const remaining = this.lockNow(key, user, role);
      if (remaining > 0) return { ok: false, reason: 'locked', retryAfterMs: remaining };
    }
    this.locks.forget(key);
    this.unsaved.forget(key);
    if (replacement === undefined) return { ok: false, reason: 'pin-change-required' };
    return { ok: true };
  }

  /**
   * One transaction: refuse while locked, else count this attempt as a failure up front, writing
   * any count or lock held in memory with it. On a full disk the count is held in memory instead.
   */
  private countAttempt(user: string, role: StaffRole): Begun {
    const key = keyOf(user, role);
    try {
      const begun = this.db
        .transaction((): Begun => {
          const row = this.row(user, role);
          if (!row) return { kind: 'unknown' };
          const remaining = this.locks.remainingMs(key, storedLock(row));
          if (remaining > 0) return { kind: 'locked', retryAfterMs: remaining };
          const counted = {
            ...row,
            failures: row.failures + 1,
            stored_locked_until: row.locked_until,
          };
          this.db
            .prepare(
              `UPDATE accounts SET failures = ?, locked_until = ?, lock_ms = ?
               WHERE user = ? AND role = ?`,
            )
            .run(counted.failures, counted.locked_until, counted.lock_ms, user, role);
          return { kind: 'counted', row: counted };
        })
        .immediate();
      if (begun.kind === 'counted') this.unsaved.forget(key);
      return begun;
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      const row = this.row(user, role);
      if (!row) return { kind: 'unknown' };
      const remaining = this.locks.remainingMs(key, storedLock(row));
      if (remaining > 0) return { kind: 'locked', retryAfterMs: remaining };
      this.unsaved.addFailure(key);
      return { kind: 'counted', row: this.row(user, role) ?? row };
    }
  }

  /**
   * The attempt was already counted; lock the account if the count calls for it. A lock the disk
   * cannot take is held in memory, and still refuses every PIN until it ends.
   */
  private recordFailure(user: string, role: StaffRole): SignInResult {
    const key = keyOf(user, role);
    let started: StoredLock | undefined;
    try {
      const result = this.db
        .transaction((): SignInResult => {
          const row = this.row(user, role);
          if (!row) return { ok: false, reason: 'bad-credentials' };
          const current = this.locks.remainingMs(key, storedLock(row));
          if (current > 0) return { ok: false, reason: 'locked', retryAfterMs: current };
          const lockMs = row.failures >= FREE_ATTEMPTS ? lockDurationMs(row.failures) : 0;
          if (lockMs === 0) return { ok: false, reason: 'bad-credentials' };
          started = this.locks.start(key, lockMs);
          this.db
            .prepare(
              `UPDATE accounts SET failures = ?, locked_until = ?, lock_ms = ?
               WHERE user = ? AND role = ?`,
            )
            .run(row.failures, started.lockedUntil, started.lockMs, user, role);
          return { ok: false, reason: 'locked', retryAfterMs: lockMs };
        })
        .immediate();
      if (started) this.unsaved.forget(key);
      return result;
    } catch (error) {
      if (!isDiskFull(error) || started === undefined) throw error;
      this.unsaved.setLock(key, started);
      return { ok: false, reason: 'locked', retryAfterMs: started.lockMs };
    }
  }

  private lockNow(key: string, user: string, role: StaffRole): number {
    const row = this.row(user, role);
    return row ? this.locks.remainingMs(key, storedLock(row)) : 0;
  }

  /** The stored row with what the disk could not take (`UnsavedAttempts`) added to it. */
  private row(user: string, role: StaffRole): CountedRow | undefined {
    const stored = this.db
      .prepare(
        `SELECT salt, hash, kdf, failures, locked_until, lock_ms FROM accounts
         WHERE user = ? AND role = ?`,
      )
      .get(user, role) as AccountRow | undefined;
    if (!stored) return undefined;
    const counted = { ...stored, stored_locked_until: stored.locked_until };
    const unsaved = this.unsaved.get(keyOf(user, role));
    if (!unsaved) return counted;
    const lock =
      unsaved.lock && unsaved.lock.lockedUntil > stored.locked_until ? unsaved.lock : undefined;
    return {
      ...counted,
      failures: stored.failures + unsaved.failures,
      ...(lock ? { locked_until: lock.lockedUntil, lock_ms: lock.lockMs } : {}),
    };
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
