/**
 * Fault (leftover of the sign-in hardening): an account made before the 6-digit rule gets
 * `PIN_CHANGE_REQUIRED` at every sign-in, and the API takes `auth.signIn` with `newPin`, but
 * the `kiosk` command had no way to send one: over SSH such an account could do nothing.
 * `kiosk accounts change-pin` signs in with the old PIN and the new one. Through the real
 * command line (`main`), on the database without a running core.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { loadDataKey } from '../../src/core/privacy';
import { openDatabase } from '../../src/core/store/database';

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cli-pin-change-'));
const files = mkdtempSync(join(tmpdir(), 'kiosk-cli-pin-files-'));

function pinFile(name: string, pin: string): string {
  const file = join(files, name);
  writeFileSync(file, `${pin}\n`, { mode: 0o600 });
  return file;
}

beforeAll(() => {
  // As `kiosk serve --demo` leaves it: the command opens the data with the same key.
  loadDataKey({ dataDir, allowDemoKey: true });
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  const salt = randomBytes(16);
  const hash = scryptSync('4321', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  db.prepare(
    `INSERT INTO accounts (user, role, salt, hash, created_at) VALUES ('cu', 'staff', ?, ?, ?)`,
  ).run(salt, hash, '2025-01-01T00:00:00.000Z');
  db.close();
});

describe('kiosk accounts change-pin', { timeout: 120_000 }, () => {
  it('replaces a short PIN, after which only the new PIN signs in', async () => {
    delete process.env.KIOSK_PIN;
    const old = pinFile('old', '4321');
    const fresh = pinFile('new', '975310');
    const as = ['--data-dir', dataDir, '--user', 'cu'];
    const list = (pin: string) => main(['node', 'kiosk', 'outbox', ...as, '--pin-file', pin]);

    expect(await list(old)).not.toBe(0); // PIN_CHANGE_REQUIRED
    const short = pinFile('short', '98765');
    const refused = ['node', 'kiosk', 'accounts', 'change-pin', '--role', 'staff', ...as];
    expect(await main([...refused, '--pin-file', old, '--new-pin-file', short])).toBe(2);
    expect(await main([...refused, '--pin-file', old, '--new-pin-file', fresh])).toBe(0);
    expect(await list(fresh)).toBe(0);
    expect(await list(old)).toBe(3);
  });
});
