import { describe, expect, it } from 'vitest';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { DiskFullError } from '../store/disk-full';
import { fullDiskTwin } from '../store/full-disk-twin';
import type { AuthClock } from './auth-clock';
import { AccountStore, accountMigrations } from './account-store';
import { BASE_LOCKOUT_MS } from './lockout';

const PIN = '482913';

async function store() {
  const db = openDatabase(':memory:', [...coreMigrations, ...accountMigrations]);
  const t = { now: 1_000 };
  const clock: AuthClock = { monotonicMs: () => t.now, wallMs: () => t.now };
  const accounts = new AccountStore(db, clock);
  await accounts.create('lan', 'staff', PIN);
  const disk = fullDiskTwin(db);
  const stored = () =>
    db.prepare("SELECT failures, locked_until FROM accounts WHERE user = 'lan'").get() as {
      failures: number;
      locked_until: number;
    };
  const signIn = (pin: string, newPin?: string) =>
    accounts.signIn('lan', 'staff', pin, newPin === undefined ? {} : { newPin });
  return { db, t, disk, stored, signIn };
}

// Real scrypt at the production cost: seconds on a busy 2-core machine.
describe('AccountStore.signIn on a full disk (issue 24)', { timeout: 60_000 }, () => {
  it('accepts the right PIN though neither the count nor its reset can be written', async () => {
    const { disk, stored, signIn } = await store();
    disk.full = true;
    expect(await signIn(PIN)).toEqual({ ok: true });
    expect(stored().failures).toBe(0);
  });

  it('still locks after three wrong PINs, refuses the right one while locked, and lets it in after', async () => {
    const { t, disk, stored, signIn } = await store();
    disk.full = true;
    expect(await signIn('100000')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await signIn('100001')).toEqual({ ok: false, reason: 'bad-credentials' });
    expect(await signIn('100002')).toMatchObject({ ok: false, reason: 'locked' });
    expect(await signIn(PIN)).toMatchObject({ ok: false, reason: 'locked' });
    expect(stored()).toEqual({ failures: 0, locked_until: 0 });
    t.now += BASE_LOCKOUT_MS;
    expect(await signIn(PIN)).toEqual({ ok: true });
  });

  it('writes the held count and lock with the first attempt after space returns', async () => {
    const { t, disk, stored, signIn } = await store();
    disk.full = true;
    await signIn('100000');
    await signIn('100001');
    disk.full = false;
    expect(await signIn('100002')).toMatchObject({ ok: false, reason: 'locked' });
    expect(stored()).toEqual({ failures: 3, locked_until: t.now + BASE_LOCKOUT_MS });
  });

  it('a lock held in memory reaches the row with the next counted attempt', async () => {
    const { t, disk, stored, signIn } = await store();
    disk.full = true;
    for (const pin of ['100000', '100001', '100002']) await signIn(pin);
    const lockedAt = t.now;
    disk.full = false;
    expect(await signIn(PIN)).toMatchObject({ ok: false, reason: 'locked' });
    t.now += BASE_LOCKOUT_MS;
    expect(await signIn('100003')).toMatchObject({ ok: false, reason: 'locked' });
    expect(stored().failures).toBe(4);
    expect(stored().locked_until).toBeGreaterThan(lockedAt + BASE_LOCKOUT_MS);
  });

  it('refuses to change the PIN when the new one cannot be saved', async () => {
    const { disk, signIn } = await store();
    disk.full = true;
    await expect(signIn(PIN, '739164')).rejects.toBeInstanceOf(DiskFullError);
    disk.full = false;
    expect(await signIn(PIN)).toEqual({ ok: true });
  });
});
