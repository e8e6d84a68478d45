/**
 * Issue 13, item 5, on the technician screen (`kiosk serve --demo` with a signer folder, and
 * Chromium): a signed bundle chosen as a file is applied at once and the form shows its values;
 * the same file again is refused as a replay with the reason on screen, and nothing changes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  signConfigBundle,
} from '@kiosk/installer/signed-config';
import { TestClient } from '../core-harness';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';
import { kioskPage, launchChromium } from './chromium';

// The demo kiosk's documented technician (first-run setup needs a code from the machine).
const { user: USER, pin: PIN } = DEMO_TECHNICIAN;
const centre = generateCentreKeyPair();
const root = mkdtempSync(join(tmpdir(), 'kiosk-e2e-bundle-'));
const bundleFile = join(root, 'bundle-9.json');

let kiosk: KioskProcess;
let browser: Browser;
let api: TestClient;

beforeAll(async () => {
  const signers = join(root, 'config-signers');
  mkdirSync(signers, { mode: 0o755 });
  writeFileSync(join(signers, 'centre.pem'), centre.publicKeyPem, { mode: 0o644 });
  const configFile = join(root, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ configSignersDir: signers }));
  const bundle = signConfigBundle(
    {
      serial: 9,
      issuedAt: new Date(Date.now() - 60_000).toISOString(),
      target: { kioskIds: ['KIOSK-01'] },
      settings: { centreName: 'Trung tâm cấu hình đã ký', inactivitySeconds: 75 },
    },
    privateKeyFromPem(centre.privateKeyPem),
  );
  writeFileSync(bundleFile, JSON.stringify(bundle));
  kiosk = await startKioskProcess({ extraArgs: ['--config', configFile] });
  browser = await launchChromium();
  api = await TestClient.connect({ url: kiosk.url.replace(/\/$/, ''), token: await kiosk.token() });
  const signedIn = await api.request({
    type: 'auth.signIn',
    role: 'technician',
    user: USER,
    pin: PIN,
  });
  expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
});

afterAll(async () => {
  api?.close();
  await browser?.close();
  await kiosk?.stop();
});

describe('signed configuration on the technician screen', () => {
  it('applies a chosen bundle at once and refuses its replay with the reason', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await page.getByTestId('app-title').dispatchEvent('pointerdown');
    await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
    await page.getByTestId('sign-in-role-technician').tap();
    await page.getByTestId('sign-in-user').fill(USER);
    for (const digit of PIN) await page.getByTestId(`pin-key-${digit}`).tap();
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('screen-technician').waitFor();
    await page.getByTestId('tab-settings').tap();

    await page.getByTestId('bundle-file').setInputFiles(bundleFile);
    await page.getByTestId('bundle-apply').tap();
    await page.getByTestId('bundle-message').waitFor();
    expect(await page.getByTestId('bundle-message').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('bundle-message').textContent()).toContain('9');
    expect(await page.getByTestId('setting-centreName').inputValue()).toBe(
      'Trung tâm cấu hình đã ký',
    );
    const applied = await api.request({ type: 'config.get' });
    expect(applied).toMatchObject({
      ok: true,
      data: { centreName: 'Trung tâm cấu hình đã ký', inactivitySeconds: 75 },
    });

    await page.getByTestId('bundle-apply').tap();
    await page.getByRole('alert').filter({ hasText: 'CONFIG_ROLLBACK' }).waitFor();
    const after = await api.request({ type: 'config.get' });
    expect(after.ok && after.data).toEqual(applied.ok && applied.data);
    await page.close();
  });
});
