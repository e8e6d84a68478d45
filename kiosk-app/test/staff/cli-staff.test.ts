/**
 * The staff/technician command line: refused without credentials or with the wrong role, and
 * working with them, both against a running core (over its API, found through api.json) and
 * with no core (straight on the database, same role checks and audit).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { CliError } from '../../src/cli/cli-error';
import type { Output } from '../../src/cli/output';
import { listDevices } from '../../src/cli/commands/devices';
import { listReceipts, reprintReceipt } from '../../src/cli/commands/receipts';
import { configGet, configSet } from '../../src/cli/commands/config';
import { listOutbox } from '../../src/cli/commands/outbox';
import { showAudit } from '../../src/cli/commands/audit';
import { showHealth } from '../../src/cli/commands/health';
import { createAccount } from '../../src/cli/commands/accounts';
import { EXIT_CREDENTIALS, resolveCredentials } from '../../src/cli/commands/staff-credentials';
import { writeApiEndpointFile } from '../../src/core/api/api-endpoint-file';
import { AccountStore } from '../../src/core/auth/account-store';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { AuditRepository } from '../../src/core/store/audit-repository';
import { loadDataKey } from '../../src/core/privacy';
import { openDatabase } from '../../src/core/store/database';
import { ReceiptRepository } from '../../src/core/store/receipt-repository';
import { startCoreUnderTest, type CoreUnderTest } from '../core-harness';
import { sampleReceipt } from './staff-api-harness';

function capture(): Output & { lines: string[]; docs: unknown[] } {
  const lines: string[] = [];
  const docs: unknown[] = [];
  return { lines, docs, line: (t) => lines.push(t), json: (v) => docs.push(v) };
}

async function exitCodeOf(task: Promise<unknown>): Promise<number> {
  try {
    await task;
    return 0;
  } catch (error) {
    if (error instanceof CliError) return error.exitCode;
    throw error;
  }
}

const pinFiles = mkdtempSync(join(tmpdir(), 'kiosk-pins-'));
function pinFile(pin: string): string {
  const file = join(pinFiles, `${pin}.pin`);
  writeFileSync(file, `${pin}\n`, { mode: 0o600 });
  return file;
}

describe('credentials', () => {
  it('needs a user, and a PIN from a file, KIOSK_PIN or a prompt', async () => {
    await expect(resolveCredentials('staff', {}, {}, undefined)).rejects.toThrow(/--user/);
    await expect(resolveCredentials('staff', { user: 'lan' }, {}, undefined)).rejects.toThrow(
      /PIN/,
    );
    expect(await resolveCredentials('staff', { user: 'lan' }, { KIOSK_PIN: '1234' })).toEqual({
      user: 'lan',
      pin: '1234',
    });
    expect(
      await resolveCredentials('staff', { user: 'lan', pinFile: pinFile('4321') }, {}),
    ).toEqual({ user: 'lan', pin: '4321' });
    expect(await resolveCredentials('staff', { user: 'lan' }, {}, async () => '5678')).toEqual({
      user: 'lan',
      pin: '5678',
    });
  });
});

describe('without a running core (database)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cli-db-'));
  const tech = { dataDir, user: 'kythuat', pinFile: pinFile('246810') };
  const staff = { dataDir, user: 'lan', pinFile: pinFile('482913') };

  beforeAll(async () => {
    // As `kiosk serve --demo` leaves it: the CLI opens the sealed data with the same key.
    loadDataKey({ dataDir, allowDemoKey: true });
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
    await new AccountStore(db).create('kythuat', 'technician', '246810');
    new ReceiptRepository(db).save(
      sampleReceipt('H01-261128-1001', '2026-11-28T09:00:00+07:00'),
      '001090012345',
    );
    db.close();
  });

  it('refuses without credentials, through the real command line', async () => {
    delete process.env.KIOSK_PIN;
    expect(await main(['node', 'kiosk', 'devices', '--data-dir', dataDir])).toBe(EXIT_CREDENTIALS);
    expect(
      await main(['node', 'kiosk', 'config', 'get', '--data-dir', dataDir, '--user', 'kythuat']),
    ).toBe(EXIT_CREDENTIALS);
  });

  it('refuses a wrong PIN and a wrong role, and audits the attempts', async () => {
    const wrong = { ...tech, pinFile: pinFile('000000') };
    expect(await exitCodeOf(listDevices(wrong, capture()))).toBe(EXIT_CREDENTIALS);
    const out = capture();
    await createAccount(
      { ...tech, role: 'staff', newUser: 'lan', newPinFile: pinFile('482913') },
      out,
    );
    expect(out.lines).toEqual(['created staff lan']);
    expect(await exitCodeOf(listDevices(staff, capture()))).toBe(EXIT_CREDENTIALS);
    expect(await exitCodeOf(listReceipts(tech, capture()))).toBe(EXIT_CREDENTIALS);
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
    const entries = new AuditRepository(db).recent(50);
    db.close();
    expect(
      entries.some((e) => e.actor === 'technician:kythuat' && e.action === 'sign-in.failed'),
    ).toBe(true);
    // Each command signs in with its own role: staff credentials do not open a technician one.
    expect(entries.some((e) => e.actor === 'technician:lan' && e.action === 'sign-in.failed')).toBe(
      true,
    );
    expect(entries.some((e) => e.actor === 'staff:kythuat' && e.action === 'sign-in.failed')).toBe(
      true,
    );
  });

  it('sets settings all or nothing and reads them back', async () => {
    const out = capture();
    await configSet(['centreName=Trung tâm Hà Đông', 'inactivitySeconds=90'], tech, out);
    expect(out.lines[0]).toBe('saved centreName, inactivitySeconds');
    expect(
      await exitCodeOf(configSet(['centreName=X', 'inactivitySeconds=1'], tech, capture())),
    ).toBe(1);
    const got = capture();
    await configGet({ ...tech, json: true }, got);
    expect(got.docs[0]).toMatchObject({ centreName: 'Trung tâm Hà Đông', inactivitySeconds: 90 });
  });

  it('lists receipts and the outbox for staff; printing needs the core', async () => {
    const out = capture();
    await listReceipts({ ...staff, personalId: '001090012345' }, out);
    expect(out.lines[0]).toContain('H01-261128-1001');
    const outbox = capture();
    await listOutbox({ ...staff, json: true }, outbox);
    expect(outbox.docs[0]).toMatchObject({ counts: { queued: 0, failed: 0 } });
    await expect(reprintReceipt('H01-261128-1001', staff, capture())).rejects.toThrow(
      /running kiosk core/,
    );
    const health = capture();
    // A monitor must see an outage: no core → exit code 4, with what the database holds.
    await expect(showHealth({ ...tech, json: true }, health)).rejects.toMatchObject({
      exitCode: 4,
    });
    expect(health.docs[0]).toMatchObject({ via: 'database', core: 'not running' });
  });
});

describe('with a running core (API)', () => {
  let env: CoreUnderTest;
  let stopAdvertising: () => void;

  beforeAll(async () => {
    env = await startCoreUnderTest();
    // What the core does at start (see the report: one line in kiosk-core.ts).
    stopAdvertising = writeApiEndpointFile(env.dataDir, env.core);
    await env.core.accounts.create('kythuat', 'technician', '246810');
    await env.core.accounts.create('lan', 'staff', '482913');
    env.core.receipts.save(
      sampleReceipt('H01-261128-1009', '2026-11-28T10:00:00+07:00'),
      '003090012345',
    );
  });

  afterAll(async () => {
    stopAdvertising?.();
    await env?.core.stop();
  });

  it('writes the endpoint file for the kiosk user only', () => {
    const file = join(env.dataDir, 'api.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(env.core.token);
  });

  it('health --json reports the live devices and outbox over the API', async () => {
    const out = capture();
    await showHealth(
      { dataDir: env.dataDir, user: 'kythuat', pinFile: pinFile('246810'), json: true },
      out,
    );
    const report = out.docs[0] as {
      via: string;
      devices: unknown[];
      outbox: Record<string, number>;
    };
    expect(report.via).toBe('api');
    expect(report.devices.length).toBeGreaterThan(0);
    expect(report.outbox).toHaveProperty('failed');
  });

  it('staff reprint through the running core, marked BẢN IN LẠI; the audit shows it', async () => {
    const staff = { dataDir: env.dataDir, user: 'lan', pinFile: pinFile('482913') };
    const out = capture();
    await reprintReceipt('H01-261128-1009', staff, out);
    expect(out.lines).toEqual(['reprinted H01-261128-1009 (BẢN IN LẠI)']);
    const slip = join(env.dataDir, 'printed', 'H01-261128-1009.reprint.txt');
    expect(existsSync(slip)).toBe(true);
    expect(readFileSync(slip, 'utf8')).toContain('BẢN IN LẠI');
    const audit = capture();
    await showAudit({ ...staff, role: 'staff', json: true }, audit);
    expect(audit.docs[0]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'staff:lan',
          action: 'receipts.reprint',
          subject: 'H01-261128-1009',
        }),
      ]),
    );
    expect(await exitCodeOf(listDevices({ ...staff }, capture()))).toBe(EXIT_CREDENTIALS);
  });
});
