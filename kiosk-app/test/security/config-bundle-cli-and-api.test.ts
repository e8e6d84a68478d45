/**
 * Issue 13, item 5: a signed bundle is applied the two ways a technician has, with the same
 * checks and the same transaction: `kiosk config apply BUNDLE` on the database with the data key
 * when no core runs (the real `kiosk` command, signer keys from KIOSK_CONFIG_DIR/config-signers),
 * and `config.apply` over the running core's API (audited with the bundle's hash and serial;
 * the CLI then goes over the API too).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  signConfigBundle,
  type BundlePayload,
} from '@kiosk/installer/signed-config';
import { AccountStore } from '../../src/core/auth/account-store';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { ALL_MIGRATIONS, startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { openDatabase } from '../../src/core/store/database';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { TestClient } from '../core-harness';

const KIOSK_BIN = resolve(__dirname, '../../bin/kiosk.mjs');
const PORTAL_TOKEN = 'portal-token-offline-8e21';
const centre = generateCentreKeyPair();
const stranger = generateCentreKeyPair();

const root = mkdtempSync(join(tmpdir(), 'kiosk-bundle-cli-'));
const configRoot = join(root, 'etc');
const dataDir = join(root, 'data');
const keyFile = join(configRoot, 'data.key');
const pinFile = join(root, 'technician.pin');
const configFile = join(configRoot, 'kiosk.json');

function bundleFile(
  name: string,
  serial: number,
  settings: Record<string, unknown>,
  pem = centre.privateKeyPem,
): string {
  const payload: BundlePayload = {
    serial,
    issuedAt: new Date(Date.now() - 60_000).toISOString(),
    settings,
  };
  const file = join(root, name);
  writeFileSync(file, JSON.stringify(signConfigBundle(payload, privateKeyFromPem(pem))));
  return file;
}

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function kiosk(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [KIOSK_BIN, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        KIOSK_CONFIG_DIR: configRoot,
        KIOSK_KEY_FILE: keyFile,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const technician = [
  '--config',
  configFile,
  '--data-dir',
  dataDir,
  '--user',
  'kt1',
  '--pin-file',
  pinFile,
];

function storedSettings(): string {
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  try {
    return JSON.stringify({
      rows: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      applied: db.prepare('SELECT * FROM config_bundles ORDER BY serial').all(),
    });
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  mkdirSync(join(configRoot, 'config-signers'), { recursive: true, mode: 0o755 });
  writeFileSync(join(configRoot, 'config-signers', 'centre.pem'), centre.publicKeyPem, {
    mode: 0o644,
  });
  writeFileSync(keyFile, `${'6b'.repeat(32)}\n`, { mode: 0o600 });
  writeFileSync(configFile, JSON.stringify({ kioskId: 'KIOSK-03', dataDir }));
  writeFileSync(pinFile, '246813\n', { mode: 0o600 });
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  await new AccountStore(db).create('kt1', 'technician', '246813');
  db.close();
});

describe('kiosk config apply without a running core', () => {
  it('applies a bundle on the database, seals its secret, and refuses its replay', async () => {
    const first = bundleFile('b5.json', 5, {
      retentionDays: 60,
      portal: { url: 'https://portal.example/', token: PORTAL_TOKEN },
    });
    const applied = await kiosk(['config', 'apply', first, ...technician]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('applied bundle serial 5');
    expect(applied.stdout).toContain('retentionDays, portal');
    const stored = storedSettings();
    expect(stored).toContain('portal.example');
    expect(stored).not.toContain(PORTAL_TOKEN);

    const replay = await kiosk(['config', 'apply', first, ...technician]);
    expect(replay.code).toBe(1);
    expect(replay.stderr).toMatch(
      /BUNDLE_REFUSED: CONFIG_ROLLBACK: .*serial 5.*nothing was changed/,
    );
    expect(storedSettings()).toBe(stored);
  });

  it('refuses a bundle for another kiosk and one from an unconfigured key, changing nothing', async () => {
    const before = storedSettings();
    const otherKiosk = join(root, 'other-kiosk.json');
    writeFileSync(
      otherKiosk,
      JSON.stringify(
        signConfigBundle(
          {
            serial: 6,
            issuedAt: new Date(Date.now() - 60_000).toISOString(),
            target: { kioskIds: ['KIOSK-04'] },
            settings: { retentionDays: 7 },
          },
          privateKeyFromPem(centre.privateKeyPem),
        ),
      ),
    );
    const wrongTarget = await kiosk(['config', 'apply', otherKiosk, ...technician]);
    expect(wrongTarget.stderr).toContain('CONFIG_WRONG_TARGET');
    const unknownKey = await kiosk([
      'config',
      'apply',
      bundleFile('stranger.json', 6, { retentionDays: 7 }, stranger.privateKeyPem),
      ...technician,
    ]);
    expect(unknownKey.stderr).toContain('CONFIG_UNKNOWN_KEY');
    expect(storedSettings()).toBe(before);
  });
});

describe('config.apply on the running core', () => {
  let core: RunningCore;
  beforeAll(async () => {
    core = await startKioskCore({
      config: parseKioskConfig({
        kioskId: 'KIOSK-03',
        dataDir,
        keyFile,
        port: 0,
        configSignersDir: join(configRoot, 'config-signers'),
      }),
      ports: createDemoPorts(dataDir),
      logger: createLogger(() => undefined),
    });
  });
  afterAll(async () => core?.stop());

  it('applies a newer bundle live, masks its secret in the reply and audits it', async () => {
    const client = await TestClient.connect(core);
    await client.request({ type: 'auth.signIn', role: 'technician', user: 'kt1', pin: '246813' });
    const bundle = JSON.stringify(
      signConfigBundle(
        {
          serial: 7,
          issuedAt: new Date(Date.now() - 60_000).toISOString(),
          settings: { centreName: 'Trung tâm bảy' },
        },
        privateKeyFromPem(centre.privateKeyPem),
      ),
    );
    const reply = await client.request({ type: 'config.apply', bundle });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        serial: 7,
        keyId: centre.keyId,
        changed: ['centreName'],
        settings: { portal: { token: '********' } },
      },
    });
    expect(JSON.stringify(reply)).not.toContain(PORTAL_TOKEN);
    expect(core.settings.current().centreName).toBe('Trung tâm bảy');

    const refused = await client.request({ type: 'config.apply', bundle });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_REFUSED', reason: 'CONFIG_ROLLBACK' },
    });
    const audit = core.db
      .prepare(
        "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'config.apply' ORDER BY id",
      )
      .all() as { actor: string; subject: string; detail: string | null }[];
    // The offline applies of the first tests are in the same audit log, refusals with reasons.
    expect(audit.map((entry) => entry.actor)).toEqual(Array(6).fill('technician:kt1'));
    expect(audit.map((entry) => entry.detail)).toEqual([
      `serial 5, key ${centre.keyId}, changed retentionDays,portal`,
      'failed: BUNDLE_REFUSED CONFIG_ROLLBACK',
      'failed: BUNDLE_REFUSED CONFIG_WRONG_TARGET',
      'failed: BUNDLE_REFUSED CONFIG_UNKNOWN_KEY',
      `serial 7, key ${centre.keyId}, changed centreName`,
      'failed: BUNDLE_REFUSED CONFIG_ROLLBACK',
    ]);
    client.close();
  });

  it('is what `kiosk config apply` uses while the core runs', async () => {
    const run = await kiosk([
      'config',
      'apply',
      bundleFile('b8.json', 8, { retentionDays: 90 }),
      ...technician,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('applied bundle serial 8');
    expect(run.stdout).toContain('(applied now)');
    expect(core.settings.current().retentionDays).toBe(90);
  });
});
