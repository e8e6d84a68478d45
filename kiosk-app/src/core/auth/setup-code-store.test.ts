import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETUP_CODE_PATTERN } from '@kiosk/protocol';
import { openDatabase } from '../store/database';
import { coreMigrations } from '../store/core-migrations';
import { AccountStore, accountMigrations } from './account-store';
import type { AuthClock } from './auth-clock';
import { randomSetupCode, SETUP_CODE_TTL_MS, SetupCodeStore } from './setup-code-store';

const CODE = '4815162342';

function store() {
  const db = openDatabase(':memory:', [...coreMigrations, ...accountMigrations]);
  const t = { mono: 1_000, wall: 1_700_000_000_000 };
  const clock: AuthClock = { monotonicMs: () => t.mono, wallMs: () => t.wall };
  const accounts = new AccountStore(db, clock);
  return { db, t, accounts, codes: new SetupCodeStore(db, accounts, clock, () => CODE) };
}

// Real scrypt at the production cost: seconds on a busy 2-core machine.
describe('SetupCodeStore', { timeout: 120_000 }, () => {
  it('creates the first technician with the issued code once, and stores only its hash', async () => {
    const { db, accounts, codes } = store();
    expect(codes.pending()).toBe(false);
    expect(await codes.redeem(CODE, 'kt1', '135790')).toEqual({ ok: false, reason: 'invalid' });
    expect(await codes.issue()).toMatchObject({ ok: true, code: CODE });
    expect(codes.pending()).toBe(true);
    const stored = JSON.stringify(db.prepare('SELECT * FROM setup_code').all());
    expect(stored).not.toContain(CODE);

    expect(await codes.redeem(CODE, 'kt1', '135790')).toEqual({ ok: true });
    expect(accounts.exists('kt1', 'technician')).toBe(true);
    expect(codes.pending()).toBe(false);
    expect(await codes.redeem(CODE, 'kt2', '135790')).toEqual({ ok: false, reason: 'setup-done' });
    expect(await codes.issue()).toEqual({ ok: false, reason: 'setup-done' });
  });

  it('lets only one of two concurrent redemptions of the right code through', async () => {
    const { accounts, codes } = store();
    await codes.issue();
    const results = await Promise.all([
      codes.redeem(CODE, 'a', '135790'),
      codes.redeem(CODE, 'b', '135790'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(accounts.count('technician')).toBe(1);
  });

  it('counts wrong codes and locks: the right code after three wrong ones is refused', async () => {
    const { accounts, codes, t } = store();
    await codes.issue();
    const tries = ['0000000000', '0000000001', '0000000002', CODE].map((code) =>
      codes.redeem(code, 'kt1', '135790'),
    );
    const results = await Promise.all(tries);
    expect(results.slice(0, 2)).toEqual([
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
    ]);
    expect(results[2]).toMatchObject({ ok: false, reason: 'locked' });
    expect(results[3]).toMatchObject({ ok: false, reason: 'locked' });
    expect(accounts.count('technician')).toBe(0);
    t.mono += 30_000;
    t.wall += 30_000;
    expect(await codes.redeem(CODE, 'kt1', '135790')).toEqual({ ok: true });
  });

  it('refuses an expired code, and a clock set back keeps it no longer than its lifetime', async () => {
    const { codes, t } = store();
    await codes.issue();
    t.wall -= 10 * SETUP_CODE_TTL_MS; // set back: still valid, but only for the TTL from now
    expect(codes.pending()).toBe(true);
    t.wall += SETUP_CODE_TTL_MS;
    expect(codes.pending()).toBe(true);
    t.wall += 10 * SETUP_CODE_TTL_MS;
    expect(codes.pending()).toBe(false);
    expect(await codes.redeem(CODE, 'kt1', '135790')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('does not spend a try on a PIN that breaks the rule', async () => {
    const { codes, db } = store();
    await codes.issue();
    await expect(codes.redeem(CODE, 'kt1', '1234')).rejects.toThrow(/6 to 12 digits/);
    expect(db.prepare('SELECT failures FROM setup_code').get()).toEqual({ failures: 0 });
  });
});

describe('randomSetupCode', () => {
  it('always matches what the API accepts (property)', () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        expect(randomSetupCode()).toMatch(SETUP_CODE_PATTERN);
      }),
      { numRuns: 200 },
    );
  });
});
