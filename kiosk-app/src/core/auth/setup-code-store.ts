import { randomInt } from 'node:crypto';
import type { KioskDatabase } from '../store/database';
import type { AccountStore } from './account-store';
import { systemAuthClock, type AuthClock } from './auth-clock';
import { KeyedQueue } from './keyed-queue';
import { FREE_ATTEMPTS, lockDurationMs, LockTimer } from './lockout';
import { CURRENT_SCRYPT, decodeCost, encodeCost, hashPin, newSalt, sameHash } from './pin-hash';
import { assertAcceptablePin } from './pin-policy';

/** A setup code is this many decimal digits (10^10 codes), typed on the kiosk's number pad. */
export const SETUP_CODE_DIGITS = 10;
/** How long a code is valid after `kiosk setup code` issued it. */
export const SETUP_CODE_TTL_MS = 30 * 60_000;

export type SetupCodeIssue =
  | { readonly ok: true; readonly code: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'setup-done' };

export type SetupCodeRedeem =
  | { readonly ok: true }
  /** No code issued, expired, wrong, or already used: one answer, so it tells a guesser nothing. */
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterMs: number }
  | { readonly ok: false; readonly reason: 'setup-done' };

interface CodeRow {
  salt: Buffer;
  hash: Buffer;
  kdf: string;
  expires_at: number;
  ttl_ms: number;
  failures: number;
  locked_until: number;
  lock_ms: number;
}

const LOCK_KEY = 'setup-code';

/** Ten random decimal digits from the system's CSPRNG. */
export function randomSetupCode(): string {
  let code = '';
  for (let i = 0; i < SETUP_CODE_DIGITS; i++) code += String(randomInt(10));
  return code;
}

/**
 * The one-time code that first-run setup on the kiosk screen needs (issue 13). Whoever can run
 * `kiosk setup code` on the machine (it needs the data key, so root or the kiosk user) gets a
 * code on the terminal; the kiosk stores only its scrypt hash with its expiry. Redeeming checks
 * the code, consumes it and creates the first technician in one transaction, so a code makes one
 * account at most. Wrong codes are counted before the hash is checked and lock the code like
 * wrong PINs lock an account (`lockout.ts`); issuing a new code replaces the old one and its
 * count. The expiry is a wall-clock time (the issuing command and the core are two processes),
 * counted at most `ttl_ms` from now, so a clock set back cannot keep a code alive for longer than
 * it was given from that moment.
 */
export class SetupCodeStore {
  private readonly queue = new KeyedQueue();
  private readonly locks: LockTimer;

  constructor(
    private readonly db: KioskDatabase,
    private readonly accounts: AccountStore,
    private readonly clock: AuthClock = systemAuthClock,
    private readonly generate: () => string = randomSetupCode,
  ) {
    this.locks = new LockTimer(clock);
  }

  /** A new code, replacing any earlier one; refused once a technician exists. */
  async issue(ttlMs: number = SETUP_CODE_TTL_MS): Promise<SetupCodeIssue> {
    if (this.accounts.count('technician') > 0) return { ok: false, reason: 'setup-done' };
    const code = this.generate();
    const salt = newSalt();
    const hash = await hashPin(code, salt, CURRENT_SCRYPT);
    const expiresAt = this.clock.wallMs() + ttlMs;
    this.db
      .prepare(
        `INSERT INTO setup_code (slot, salt, hash, kdf, expires_at, ttl_ms) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (slot) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,
           kdf = excluded.kdf, expires_at = excluded.expires_at, ttl_ms = excluded.ttl_ms,
           failures = 0, locked_until = 0, lock_ms = 0`,
      )
      .run(salt, hash, encodeCost(CURRENT_SCRYPT), expiresAt, ttlMs);
    this.locks.forget(LOCK_KEY);
    return { ok: true, code, expiresAt: new Date(expiresAt) };
  }

  /** True while an unexpired code waits to be used. */
  pending(): boolean {
    const row = this.row();
    return row !== undefined && this.validMs(row) > 0;
  }

  /** Checks and consumes the code and creates the first technician (`user`, `pin`). */
  async redeem(code: string, user: string, pin: string): Promise<SetupCodeRedeem> {
    // A refused PIN must not cost the technician one of the code's tries.
    assertAcceptablePin(pin);
    return this.queue.run(LOCK_KEY, () => this.attempt(code, user, pin));
  }

  private async attempt(code: string, user: string, pin: string): Promise<SetupCodeRedeem> {
    if (this.accounts.count('technician') > 0) return { ok: false, reason: 'setup-done' };
    const begun = this.countAttempt();
    if (begun.kind === 'none') return { ok: false, reason: 'invalid' };
    if (begun.kind === 'locked')
      return { ok: false, reason: 'locked', retryAfterMs: begun.retryAfterMs };
    const { row } = begun;
    const hash = await hashPin(code, row.salt, decodeCost(row.kdf));
    if (!sameHash(hash, row.hash)) return this.recordFailure(row.salt);
    const made = await this.accounts.createFirstTechnician(user, pin, () => this.consume(row));
    if (made === 'created') return { ok: true };
    if (made === 'technician-exists') return { ok: false, reason: 'setup-done' };
    const now = this.row();
    const locked = now ? this.locks.remainingMs(LOCK_KEY, storedLock(now)) : 0;
    return locked > 0
      ? { ok: false, reason: 'locked', retryAfterMs: locked }
      : { ok: false, reason: 'invalid' };
  }

  /** One transaction: no valid code, or locked, or this try counted as a failure up front. */
  private countAttempt():
    | { kind: 'none' }
    | { kind: 'locked'; retryAfterMs: number }
    | { kind: 'counted'; row: CodeRow } {
    return this.db
      .transaction(() => {
        const row = this.row();
        if (!row || this.validMs(row) <= 0) return { kind: 'none' as const };
        const remaining = this.locks.remainingMs(LOCK_KEY, storedLock(row));
        if (remaining > 0) return { kind: 'locked' as const, retryAfterMs: remaining };
        this.db.prepare('UPDATE setup_code SET failures = failures + 1 WHERE slot = 1').run();
        return { kind: 'counted' as const, row: { ...row, failures: row.failures + 1 } };
      })
      .immediate();
  }

  /** The try was counted already; lock the code if the count calls for it. */
  private recordFailure(salt: Buffer): SetupCodeRedeem {
    return this.db
      .transaction((): SetupCodeRedeem => {
        const row = this.row();
        // Replaced by a newer code while this one was being hashed: nothing to lock.
        if (!row || !row.salt.equals(salt)) return { ok: false, reason: 'invalid' };
        const current = this.locks.remainingMs(LOCK_KEY, storedLock(row));
        if (current > 0) return { ok: false, reason: 'locked', retryAfterMs: current };
        const lockMs = row.failures >= FREE_ATTEMPTS ? lockDurationMs(row.failures) : 0;
        if (lockMs === 0) return { ok: false, reason: 'invalid' };
        const lock = this.locks.start(LOCK_KEY, lockMs);
        this.db
          .prepare('UPDATE setup_code SET locked_until = ?, lock_ms = ? WHERE slot = 1')
          .run(lock.lockedUntil, lock.lockMs);
        return { ok: false, reason: 'locked', retryAfterMs: lockMs };
      })
      .immediate();
  }

  /**
   * Inside the account's transaction: the code is still the one checked, still valid and not
   * locked meanwhile (another process sharing the database), and is deleted.
   */
  private consume(checked: CodeRow): boolean {
    const row = this.row();
    if (!row || !row.salt.equals(checked.salt) || this.validMs(row) <= 0) return false;
    if (this.locks.remainingMs(LOCK_KEY, storedLock(row)) > 0) return false;
    this.locks.forget(LOCK_KEY);
    return this.db.prepare('DELETE FROM setup_code WHERE slot = 1').run().changes === 1;
  }

  private validMs(row: CodeRow): number {
    return Math.min(row.ttl_ms, row.expires_at - this.clock.wallMs());
  }

  private row(): CodeRow | undefined {
    return this.db
      .prepare(
        `SELECT salt, hash, kdf, expires_at, ttl_ms, failures, locked_until, lock_ms
         FROM setup_code WHERE slot = 1`,
      )
      .get() as CodeRow | undefined;
  }
}

function storedLock(row: CodeRow): { lockedUntil: number; lockMs: number } {
  return { lockedUntil: row.locked_until, lockMs: row.lock_ms };
}
