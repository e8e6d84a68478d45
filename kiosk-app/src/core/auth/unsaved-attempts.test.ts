import { describe, expect, it } from 'vitest';
import { DiskFullError } from '../store/disk-full';
import { UnsavedAttempts } from './unsaved-attempts';

describe('UnsavedAttempts', () => {
  it('adds failures and a lock per account, and forgets them once written', () => {
    const unsaved = new UnsavedAttempts();
    unsaved.addFailure('a');
    unsaved.addFailure('a');
    unsaved.setLock('a', { lockedUntil: 5_000, lockMs: 30_000 });
    expect(unsaved.get('a')).toEqual({ failures: 2, lock: { lockedUntil: 5_000, lockMs: 30_000 } });
    unsaved.forget('a');
    expect(unsaved.get('a')).toBeUndefined();
  });

  it('refuses to count a new account past its bound instead of leaving the attempt uncounted', () => {
    const unsaved = new UnsavedAttempts(2);
    unsaved.addFailure('a');
    unsaved.addFailure('b');
    expect(() => unsaved.addFailure('c')).toThrow(DiskFullError);
    unsaved.addFailure('a');
    expect(unsaved.get('a')?.failures).toBe(2);
  });
});
