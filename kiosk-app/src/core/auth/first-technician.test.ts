import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { coreMigrations } from '../store/core-migrations';
import type { AuthClock } from './auth-clock';
import { AccountStore, accountMigrations } from './account-store';
import { issueFirstRunCode, provisionFirstTechnician, SETUP_ACTOR } from './first-technician';
import { SetupCodeStore } from './setup-code-store';

interface Recorded {
  readonly actor: string;
  readonly action: string;
  readonly subject: string | undefined;
  readonly detail: string | undefined;
}

function setup() {
  const db = openDatabase(':memory:', [...coreMigrations, ...accountMigrations]);
  const clock: AuthClock = { monotonicMs: () => 1_000, wallMs: () => 1_700_000_000_000 };
  const accounts = new AccountStore(db, clock);
  const entries: Recorded[] = [];
  const audit = {
    record: (actor: string, action: string, subject?: string, detail?: string) => {
      entries.push({ actor, action, subject, detail });
      return {
        id: entries.length,
        at: '',
        actor,
        action,
        subject: subject ?? null,
        detail: detail ?? null,
      };
    },
  };
  const setupCodes = new SetupCodeStore(db, accounts, clock, () => '246813');
  return { accounts, audit, entries, setupCodes };
}

// Real scrypt at the production cost: seconds on a busy 2-core machine.
describe('first-run setup', { timeout: 60_000 }, () => {
  it('creates the first technician once, and audits both tries without the PIN', async () => {
    const { accounts, audit, entries } = setup();
    expect(SETUP_ACTOR).toBe('setup');
    expect(await provisionFirstTechnician({ accounts, audit }, 'tech1', '482913')).toBe(true);
    expect(accounts.count('technician')).toBe(1);
    expect(await provisionFirstTechnician({ accounts, audit }, 'tech2', '591024')).toBe(false);
    expect(accounts.count('technician')).toBe(1);
    expect(entries).toEqual([
      {
        actor: 'setup',
        action: 'setup.technician',
        subject: 'technician:tech1',
        detail: undefined,
      },
      {
        actor: 'setup',
        action: 'setup.technician',
        subject: 'technician:tech2',
        detail: 'failed: SETUP_DONE',
      },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/482913|591024/);
  });

  it('issues a first-run code only while no technician exists, and audits it without the code', async () => {
    const { accounts, audit, entries, setupCodes } = setup();
    const issued = await issueFirstRunCode({ setupCodes, audit });
    expect(issued).toMatchObject({ ok: true, code: '246813' });
    await accounts.createFirstTechnician('tech1', '482913');
    expect(await issueFirstRunCode({ setupCodes, audit })).toMatchObject({ ok: false });
    expect(entries).toEqual([
      { actor: 'setup', action: 'setup.code', subject: undefined, detail: undefined },
      { actor: 'setup', action: 'setup.code', subject: undefined, detail: 'failed: SETUP_DONE' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('246813');
  });
});
