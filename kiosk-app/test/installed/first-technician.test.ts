/**
 * The first-technician gate on the installed layout (issue 13, "First start"): the installed
 * core's screen is a citizen session, which creates no technician without the one-time code;
 * `sudo kiosk setup code`, run with nothing but the unit's environment (as a technician on the
 * machine runs it), issues the code against the installed database without taking it away from
 * the kiosk user, and the code then creates the technician through the page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';
import { KIOSK_BIN } from '../kiosk-process';
import {
  installedLayoutUnavailable,
  provisionInstalledRoot,
  type InstalledRoot,
} from './installed-root';
import { startInstalledShell, type InstalledShell } from './installed-shell';
import { openKioskWindow, type KioskWindowPage } from './kiosk-page';
import { startKioskSchemeAdapter, type KioskSchemeAdapter } from './kiosk-scheme-adapter';
import { readKioskUnit } from './systemd-unit';

const unavailable = installedLayoutUnavailable();
const title = 'the installed kiosk, first technician';

async function enterPin(page: Page, pin: string): Promise<void> {
  await page.getByTestId('pin-clear').tap();
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
}

describe.skipIf(unavailable !== undefined)(
  unavailable === undefined ? title : `${title} (skipped: ${unavailable})`,
  () => {
    let installed: InstalledRoot;
    let shell: InstalledShell;
    let adapter: KioskSchemeAdapter;
    let browser: Browser;
    let window: KioskWindowPage;

    beforeAll(async () => {
      installed = provisionInstalledRoot(readKioskUnit(), {
        kioskId: 'KIOSK-FIRST',
        unitCode: 'H01',
      });
      adapter = await startKioskSchemeAdapter();
      shell = await startInstalledShell(installed, adapter.origin);
      adapter.serve(shell.rendererHandler);
      await shell.core.whenReady();
      browser = await launchChromium();
      window = await openKioskWindow(browser, shell, adapter);
    });

    afterAll(async () => {
      await browser?.close();
      await shell?.stop();
      await adapter?.close();
      installed?.remove();
    });

    /** `sudo kiosk setup code --out FILE`: the unit's environment and nothing else. */
    function setupCode(): string {
      const out = join(mkdtempSync(join(tmpdir(), 'kiosk-setup-code-')), 'code.txt');
      const result = spawnSync(process.execPath, [KIOSK_BIN, 'setup', 'code', '--out', out], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...installed.environment },
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(out, 'utf8').trim();
    }

    it('creates no technician without the code, and one with the code `kiosk setup` issued', async () => {
      const { page } = window;
      await page.getByTestId('screen-idle').waitFor();
      await page.getByTestId('app-title').dispatchEvent('pointerdown');
      await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
      await page.getByTestId('setup-instructions').waitFor();
      await page.getByTestId('setup-code').fill('0123456789');
      await page.getByTestId('sign-in-user').fill('kythuat');
      await enterPin(page, '246810');
      await page.getByTestId('sign-in-submit').tap();
      await page.getByTestId('sign-in-error').waitFor();

      const code = setupCode();
      // The database stays the kiosk user's: a root-owned WAL would stop the core writing.
      for (const name of readdirSync(installed.dataDir).filter((n) => n.startsWith('kiosk.sqlite')))
        expect(statSync(join(installed.dataDir, name)).uid, name).toBe(installed.runAs.uid);

      await page.getByTestId('setup-code').fill(code);
      await page.getByTestId('sign-in-submit').tap();
      await page.getByTestId('screen-technician').waitFor();
    });
  },
);
