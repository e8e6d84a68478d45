/**
 * Issue 13, the fix: the first technician comes from `kiosk setup` on the machine. `kiosk setup
 * code` (the real `kiosk` command, as a technician runs it at the console) opens the running
 * kiosk's database with its data key and stores a one-time code's hash; the kiosk screen (a
 * citizen session) creates the technician only with that code, once. Wrong codes count toward
 * a lock. `kiosk setup technician` creates the account directly. Real core, real API, real
 * SQLite file, real command.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { openDatabase } from '../../src/core/store/database';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';

const KIOSK_BIN = resolve(__dirname, '../../bin/kiosk.mjs');
type Reply = Extract<ServerMessage, { type: 'reply' }>;
const codeOf = (reply: Reply) => (reply.ok ? 'OK' : reply.error.code);

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

const scratch = mkdtempSync(join(tmpdir(), 'kiosk-setup-cli-'));
let core: CoreUnderTest;
beforeAll(async () => {
  core = await startCoreUnderTest();
});
afterAll(async () => core?.core.stop());

describe('kiosk setup code, then the first-run screen', { timeout: 120_000 }, () => {
  it('keeps the code off a redirected output, writes it to a 0600 file, stores only its hash', async () => {
    const piped = await kiosk(['setup', 'code', '--data-dir', core.dataDir]);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/terminal/);

    const file = join(scratch, 'code.txt');
    const run = await kiosk(['setup', 'code', '--data-dir', core.dataDir, '--out', file]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const code = readFileSync(file, 'utf8').trim();
    expect(code).toMatch(/^\d{10}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run.stdout).not.toContain(code);
    const rows = JSON.stringify(core.core.db.prepare('SELECT * FROM setup_code').all());
    expect(rows).not.toContain(code);

    const citizen = await TestClient.connect(core.core);
    expect(await citizen.request({ type: 'setup.status' })).toMatchObject({
      data: { needsTechnician: true, codePending: true },
    });
    const wrong = code === '0000000000' ? '0000000001' : '0000000000';
    const guess = await citizen.request({
      type: 'setup.createTechnician',
      user: 'intruder',
      pin: '135790',
      code: wrong,
    });
    expect(codeOf(guess)).toBe('SETUP_CODE_INVALID');
    const made = await citizen.request({
      type: 'setup.createTechnician',
      user: 'kythuat',
      pin: '246810',
      code,
    });
    expect(made).toMatchObject({ ok: true, data: { user: 'kythuat', role: 'technician' } });
    const reused = await citizen.request({
      type: 'setup.createTechnician',
      user: 'intruder',
      pin: '135790',
      code,
    });
    expect(codeOf(reused)).toBe('SETUP_DONE');
    expect(core.core.accounts.count('technician')).toBe(1);
    expect(await citizen.request({ type: 'config.get' })).toMatchObject({ ok: false });
    citizen.close();

    const after = await kiosk(['setup', 'code', '--data-dir', core.dataDir, '--out', `${file}2`]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/technician account exists/);
    const actions = core.core.audit.recent(50).map((e) => `${e.actor} ${e.action} ${e.detail}`);
    expect(actions).toContain('setup setup.code null');
    expect(actions).toContain('setup setup.createTechnician failed: SETUP_CODE_INVALID');
    expect(actions).toContain('setup setup.createTechnician null');
  });

  it('locks the code after three wrong tries: the right code is refused until the lock ends', async () => {
    const fresh = await startCoreUnderTest();
    try {
      const file = join(scratch, 'code-lock.txt');
      const run = await kiosk(['setup', 'code', '--data-dir', fresh.dataDir, '--out', file]);
      expect(run.code).toBe(0);
      const code = readFileSync(file, 'utf8').trim();
      const citizen = await TestClient.connect(fresh.core);
      const wrongs = ['1', '2', '3'].map((d) => (code === d.repeat(10) ? '4' : d).repeat(10));
      const tries = [...wrongs, code].map((c) =>
        citizen.request({ type: 'setup.createTechnician', user: 'kt', pin: '135790', code: c }),
      );
      const codes = (await Promise.all(tries)).map(codeOf);
      expect(codes).toEqual([
        'SETUP_CODE_INVALID',
        'SETUP_CODE_INVALID',
        'LOCKED_OUT',
        'LOCKED_OUT',
      ]);
      expect(fresh.core.accounts.count('technician')).toBe(0);
      citizen.close();
    } finally {
      await fresh.core.stop();
    }
  });
});

describe('kiosk setup technician', { timeout: 120_000 }, () => {
  it('creates the first technician with the data key, once; without the key it refuses', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kiosk-setup-tech-'));
    const dataDir = join(root, 'data');
    const keyFile = join(root, 'data.key');
    writeFileSync(keyFile, `${'7c'.repeat(32)}\n`, { mode: 0o600 });
    openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS).close();
    const pinFile = join(root, 'pin');
    writeFileSync(pinFile, '246810\n', { mode: 0o600 });
    const args = ['setup', 'technician', '--data-dir', dataDir, '--user', 'kt1'];

    const keyless = await kiosk([...args, '--pin-file', pinFile]);
    expect(keyless.code).not.toBe(0);
    expect(keyless.stderr).toMatch(/KIOSK_KEY_FILE/);

    const env = { KIOSK_KEY_FILE: keyFile };
    const made = await kiosk([...args, '--pin-file', pinFile], env);
    expect({ code: made.code, stderr: made.stderr }).toEqual({ code: 0, stderr: '' });
    expect(made.stdout).toContain('created technician kt1');
    const again = await kiosk([...args.slice(0, -1), 'kt2', '--pin-file', pinFile], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/technician account exists/);

    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
    try {
      expect(db.prepare("SELECT user FROM accounts WHERE role = 'technician'").all()).toEqual([
        { user: 'kt1' },
      ]);
    } finally {
      db.close();
    }
  });
});
