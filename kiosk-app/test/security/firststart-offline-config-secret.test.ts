/**
 * Fault (leftover of the sign-in hardening): the core seals the registry client secret and the
 * portal token with the data key (settings-secrets.ts), but `kiosk config set` without a running
 * core opened the database itself with a settings service that had no cipher, and stored a new
 * secret in plain text. The real `kiosk` command, as a technician runs it over SSH; the raw
 * SQLite row is read afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/core/auth/account-store';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { FieldCipher, loadDataKey } from '../../src/core/privacy';
import { SettingsService, settingsFromConfig } from '../../src/core/settings';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { openDatabase } from '../../src/core/store/database';
import { SettingsRepository } from '../../src/core/store/settings-repository';

const KIOSK_BIN = resolve(__dirname, '../../bin/kiosk.mjs');
const TOKEN = 'portal-token-5f2a91';
const SECRET = 'registry-secret-77c3e0';

const root = mkdtempSync(join(tmpdir(), 'kiosk-offline-config-'));
const dataDir = join(root, 'data');
const keyFile = join(root, 'etc', 'data.key');
const pinFile = join(root, 'tech.pin');
const database = join(dataDir, 'kiosk.sqlite');

beforeAll(async () => {
  mkdirSync(join(root, 'etc'), { mode: 0o700 });
  writeFileSync(keyFile, `${'3e'.repeat(32)}\n`, { mode: 0o600 });
  writeFileSync(pinFile, '246810\n', { mode: 0o600 });
  const db = openDatabase(database, ALL_MIGRATIONS);
  await new AccountStore(db).create('kt1', 'technician', '246810');
  db.close();
});

describe('kiosk config set without a running core', { timeout: 120_000 }, () => {
  it('seals a new secret with the data key, as the core does', async () => {
    const portal = JSON.stringify({ url: 'https://portal.example', token: TOKEN });
    const registry = JSON.stringify({ url: 'https://registry.example', clientSecret: SECRET });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        KIOSK_BIN,
        'config',
        'set',
        `portal=${portal}`,
        `registry=${registry}`,
        ...['--data-dir', dataDir, '--user', 'kt1', '--pin-file', pinFile],
      ],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, KIOSK_KEY_FILE: keyFile } },
    );
    expect(stdout).toContain('saved portal, registry');

    const db = openDatabase(database, ALL_MIGRATIONS);
    try {
      const raw = db.prepare('SELECT key, value FROM settings').all() as {
        key: string;
        value: string;
      }[];
      const rows = JSON.stringify(raw);
      expect(rows).toContain('portal.example');
      expect(rows).not.toContain(TOKEN);
      expect(rows).not.toContain(SECRET);
      // The core, with the same key, reads them back.
      const settings = new SettingsService(
        new SettingsRepository(db),
        settingsFromConfig(parseKioskConfig({ dataDir })),
        { cipher: new FieldCipher(loadDataKey({ keyFile, dataDir })) },
      );
      expect(settings.current().portal?.token).toBe(TOKEN);
      expect(settings.current().registry?.clientSecret).toBe(SECRET);
    } finally {
      db.close();
    }
  });
});
