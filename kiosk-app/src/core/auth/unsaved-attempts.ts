import { DiskFullError } from '../store/disk-full';
import type { StoredLock } from './lockout';

/** What the disk could not take for one account: failures on top of the stored count, a lock. */
export interface UnsavedAttempt {
  readonly failures: number;
  readonly lock?: StoredLock;
}

/** Far above the accounts a kiosk has; only existing accounts are ever counted here. */
export const MAX_UNSAVED_ACCOUNTS = 1_000;

/**
 * Sign-in failures and locks that could not be written because the disk is full, kept in this
 * process until the account's next write succeeds and carries them to the database. Counting
 * before hashing stays the rule: a guess whose count cannot be stored is counted here, so a
 * full disk never opens the PIN to unlimited guessing. They are lost if the core restarts
 * before space returns, which gives a guesser at most one more round of free attempts per
 * restart. Past `maxAccounts` a new account's attempt is refused rather than left uncounted.
 */
export class UnsavedAttempts {
  private readonly byAccount = new Map<string, UnsavedAttempt>();

  constructor(private readonly maxAccounts = MAX_UNSAVED_ACCOUNTS) {}

  get(key: string): UnsavedAttempt | undefined {
    return this.byAccount.get(key);
  }

  addFailure(key: string): void {
    const held = this.held(key);
    this.byAccount.set(key, { ...held, failures: held.failures + 1 });
  }

  setLock(key: string, lock: StoredLock): void {
    this.byAccount.set(key, { ...this.held(key), lock });
  }

  /** The account's database row now holds everything (or a success cleared it). */
  forget(key: string): void {
    this.byAccount.delete(key);
  }

  private held(key: string): UnsavedAttempt {
    const held = this.byAccount.get(key);
    if (held) return held;
    if (this.byAccount.size >= this.maxAccounts)
      throw new DiskFullError('this sign-in attempt cannot be counted');
    return { failures: 0 };
  }
}
