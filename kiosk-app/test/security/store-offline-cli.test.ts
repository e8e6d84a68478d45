/**
 * Issue 14, item 6: `kiosk receipts list` without a running core opens the database itself. It
 * used the plain repository on the encrypted database: a search by personal ID compared the ID
 * with blind-index tokens and never matched, and any hit threw on the sealed slip. The test runs
 * the real `kiosk` command (bin/kiosk.mjs) as a technician would over SSH, against a real
 * database file sealed with a provisioned key.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/core/auth/account-store';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { EncryptedReceiptRepository, loadDataKey } from '../../src/core/privacy';
import { openDatabase } from '../../src/core/store/database';
import { syntheticReceipt } from './store-fixtures';

const KIOSK_BIN = resolve(__dirname, '../../bin/kiosk.mjs');
const PERSONAL_ID = '001090067890';
const CODE = 'H01-261128-1001';

const root = mkdtempSync(join(tmpdir(), 'kiosk-offline-cli-'));
const dataDir = join(root, 'data');
const keyFile = join(root, 'etc', 'data.key');
const pinFile = join(root, 'staff.pin');

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function kiosk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [KIOSK_BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const staff = ['--data-dir', dataDir, '--user', 'lan', '--pin-file', pinFile];

beforeAll(async () => {
  mkdirSync(join(root, 'etc'), { mode: 0o700 });
  writeFileSync(keyFile, `${'5a'.repeat(32)}\n`, { mode: 0o600 });
  writeFileSync(pinFile, '482913\n', { mode: 0o600 });
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  await new AccountStore(db).create('lan', 'staff', '482913');
  new EncryptedReceiptRepository(db, loadDataKey({ keyFile, dataDir })).save(
    syntheticReceipt(CODE, 'THỬ DÒNG LỆNH'),
    PERSONAL_ID,
  );
  db.close();
});

describe('kiosk receipts without a running core', () => {
  it('finds a receipt by personal ID and by code through the encrypted repository', async () => {
    const env = { KIOSK_KEY_FILE: keyFile };
    const byId = await kiosk(
      ['receipts', 'list', '--personal-id', PERSONAL_ID, '--json', ...staff],
      env,
    );
    expect(byId.stderr).toBe('');
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject([
      { receipt: { dossierCode: CODE, applicantName: 'THỬ DÒNG LỆNH' } },
    ]);
    const byCode = await kiosk(['receipts', 'list', '--code', CODE, ...staff], env);
    expect({ code: byCode.code, stderr: byCode.stderr }).toEqual({ code: 0, stderr: '' });
    expect(byCode.stdout).toContain(CODE);
  });

  it('says plainly that it needs the data key, instead of failing on the sealed rows', async () => {
    const run = await kiosk(['receipts', 'list', '--code', CODE, ...staff]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/KIOSK_KEY_FILE/);
    expect(run.stdout).toBe('');
  });
});
