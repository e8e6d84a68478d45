import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { coreMigrations } from '../store/core-migrations';
import type { AuthClock } from './auth-clock';
import { AccountStore, accountMigrations } from './account-store';

function store() {
  const db = openDatabase(':memory:', [...coreMigrations, ...accountMigrations]);
  const t = { now: 1_000 };
  const clock: AuthClock = { monotonicMs: () => t.now, wallMs: () => t.now };
  return { db, t, accounts: new AccountStore(db, clock) };
}

// Real scrypt at the production cost: seconds on a busy 2-core machine.
describe('AccountStore.signIn', { timeout: 60_000 }, () => {
  it('checks concurrent guesses one after another: the right PIN after three wrong ones is refused', async () => {
    const { accounts } = store();
    await accounts.create('lan', 'staff', '482913');
    const guesses = ['100000', '100001', '100002', '482913'].map((pin) =>
      accounts.signIn('lan', 'staff', pin),
    );
    const results = await Promise.all(guesses);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'locked' });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
  });

  it('resets the count on a success while unlocked, and refuses any PIN while locked', async () => {
    const { accounts, t } = store();
    await accounts.create('lan', 'staff', '482913');
    expect(await accounts.signIn('lan', 'staff', '000000')).toMatchObject({ ok: false });
    expect(await accounts.signIn('lan', 'staff', '482913')).toEqual({ ok: true });
    for (const pin of ['000000', '000001', '000002']) await accounts.signIn('lan', 'staff', pin);
    expect(await accounts.signIn('lan', 'staff', '482913')).toMatchObject({ reason: 'locked' });
    t.now += 30_000;
    expect(await accounts.signIn('lan', 'staff', '482913')).toEqual({ ok: true });
  });
});
