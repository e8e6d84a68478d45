/**
 * First start of a real (non-demo) kiosk in Debian's Chromium (issue 13). The screen is a
 * citizen session: the first-run screen explains what the technician must run on the machine
 * and creates nothing without the one-time code; `kiosk setup code` (the real command) gives
 * it; code, name and PIN make the technician and sign them in. Then a staff account left with
 * a 4-digit PIN by an older version signs in through the PIN-change step (no dead end).
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { openDatabase } from '../../src/core/store/database';
import { KIOSK_BIN, startKioskProcess, type KioskProcess } from '../kiosk-process';
import { kioskPage, launchChromium } from './chromium';

const root = mkdtempSync(join(tmpdir(), 'kiosk-first-start-'));
const keyFile = join(root, 'data.key');
let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  const configFile = join(root, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ kioskId: 'KIOSK-FIRST' }));
  kiosk = await startKioskProcess({
    demo: false,
    dataDir,
    extraArgs: ['--config', configFile],
    env: { KIOSK_KEY_FILE: keyFile },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

async function openSignIn(page: Page): Promise<void> {
  await page.getByTestId('app-title').dispatchEvent('pointerdown');
  await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
}

async function enterPin(page: Page, pin: string): Promise<void> {
  await page.getByTestId('pin-clear').tap();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
}

/** `kiosk setup code --out FILE`, run as the technician runs it on the machine. */
async function setupCode(): Promise<string> {
  const out = join(root, `code-${Date.now()}.txt`);
  await promisify(execFile)(
    process.execPath,
    [KIOSK_BIN, 'setup', 'code', '--data-dir', kiosk.dataDir, '--out', out],
    { env: { PATH: process.env.PATH, HOME: process.env.HOME, KIOSK_KEY_FILE: keyFile } },
  );
  return readFileSync(out, 'utf8').trim();
}

/** An account as a kiosk before the 6-digit rule stored it: 4-digit PIN, old scrypt cost. */
function insertLegacyStaff(user: string, pin: string): void {
  const db = openDatabase(join(kiosk.dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  try {
    const salt = randomBytes(16);
    const hash = scryptSync(pin, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    db.prepare(
      `INSERT INTO accounts (user, role, salt, hash, created_at) VALUES (?, 'staff', ?, ?, ?)`,
    ).run(user, salt, hash, '2025-01-01T00:00:00.000Z');
  } finally {
    db.close();
  }
}

describe('first start of a kiosk', () => {
  it('explains `kiosk setup`, refuses without the code, and creates the technician with it', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await openSignIn(page);
    const instructions = page.getByTestId('setup-instructions');
    await instructions.waitFor();
    expect(await instructions.textContent()).toContain('Kỹ thuật viên chạy `sudo kiosk setup');
    await page.getByTestId('setup-no-code').waitFor();

    await page.getByTestId('setup-code').fill('0123456789');
    await page.getByTestId('sign-in-user').fill('kythuat');
    await enterPin(page, '246810');
    await page.getByTestId('sign-in-submit').tap();
    const refused = page.getByTestId('sign-in-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Mã cài đặt không đúng');

    const code = await setupCode();
    await page.getByTestId('setup-code').fill(code);
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('screen-technician').waitFor();
    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();

    await openSignIn(page);
    // A technician exists: the ordinary sign-in, not first-run setup.
    await page.getByTestId('sign-in-role-staff').waitFor();
    expect(await page.getByTestId('setup-code').count()).toBe(0);
    await page.close();
  });

  it('a 4-digit PIN leads to the PIN-change step, and the new PIN signs in', async () => {
    insertLegacyStaff('cu', '4321');
    const page = await kioskPage(browser, kiosk.url);
    await openSignIn(page);
    await page.getByTestId('sign-in-role-staff').tap();
    await page.getByTestId('sign-in-user').fill('cu');
    await enterPin(page, '4321');
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('pin-change').waitFor();
    expect(await page.getByTestId('pin-change-hint').textContent()).toContain('6 đến 12 chữ số');

    await enterPin(page, '975310');
    await page.getByTestId('pin-change-submit').tap();
    await enterPin(page, '975311');
    await page.getByTestId('pin-change-submit').tap();
    await page.getByTestId('pin-change-mismatch').waitFor();

    await enterPin(page, '975310');
    await page.getByTestId('pin-change-submit').tap();
    await enterPin(page, '975310');
    await page.getByTestId('pin-change-submit').tap();
    await page.getByTestId('screen-staff').waitFor();
    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();

    await openSignIn(page);
    await page.getByTestId('sign-in-role-staff').tap();
    await page.getByTestId('sign-in-user').fill('cu');
    await enterPin(page, '975310');
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('screen-staff').waitFor();
    await page.close();
  });
});
