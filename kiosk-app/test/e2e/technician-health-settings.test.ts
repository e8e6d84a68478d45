/**
 * The technician's health and settings screens end to end (`kiosk serve --demo` and Chromium):
 * the health tab shows the live state and exports the log as a .jsonl download; the settings
 * form saves a changed centre name and a holiday added to the list, which the core applies at
 * once; a malformed value is refused and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TestClient } from '../core-harness';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { kioskPage, launchChromium } from './chromium';
import { signInTechnician } from './technician-steps';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';

// The demo's technician (README), made at the demo's start by the code `kiosk setup` runs.
const { user: USER, pin: PIN } = DEMO_TECHNICIAN;

let kiosk: KioskProcess;
let browser: Browser;
let api: TestClient;

beforeAll(async () => {
  kiosk = await startKioskProcess();
  browser = await launchChromium();
  api = await TestClient.connect({ url: kiosk.url.replace(/\/$/, ''), token: await kiosk.token() });
  await api.request({ type: 'auth.signIn', role: 'technician', user: USER, pin: PIN });
});

afterAll(async () => {
  api?.close();
  await browser?.close();
  await kiosk?.stop();
});

describe('technician health and settings screens', () => {
  it('health shows the live state and exports the log as a .jsonl download', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await signInTechnician(page);
    await page.getByTestId('tab-health').tap();
    await page.getByTestId('health-summary').waitFor();
    expect(await page.getByTestId('health-printer').textContent()).toContain('ok');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('logs-export').tap();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^kiosk-logs-KIOSK-01-.*\.jsonl$/);
    const file = await download.path();
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(lines.some((l) => l.includes('"event":"core.ready"'))).toBe(true);
    await page.getByTestId('health-message').waitFor();
    expect(await page.getByTestId('health-message').getAttribute('role')).toBe('status');
    await page.close();
  });

  it('the settings form saves a centre name and a holiday, applied at once; bad input is refused', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await signInTechnician(page);
    await page.getByTestId('tab-settings').tap();
    await page.getByTestId('setting-centreName').fill('Trung tâm Phục vụ hành chính công xã Thử');
    await page.getByTestId('holiday-new').fill('2030-09-03');
    await page.getByTestId('holiday-add').tap();
    await page.getByTestId('holiday-2030-09-03').waitFor();
    await page.getByTestId('settings-save').tap();
    await page.getByTestId('settings-message').waitFor();
    expect(await page.getByTestId('settings-message').getAttribute('role')).toBe('status');
    const saved = await api.request({ type: 'config.get' });
    expect(saved).toMatchObject({
      ok: true,
      data: {
        centreName: 'Trung tâm Phục vụ hành chính công xã Thử',
        holidays: ['2030-09-03'],
      },
    });

    await page.getByTestId('setting-kioskNumber').fill('12');
    await page.getByTestId('settings-save').tap();
    await expect
      .poll(async () => page.getByTestId('settings-message').getAttribute('role'))
      .toBe('alert');
    expect(await page.getByTestId('settings-message').textContent()).toContain('kioskNumber');
    expect(await api.request({ type: 'config.get' })).toMatchObject({ data: { kioskNumber: 1 } });
    await page.close();
  });
});
