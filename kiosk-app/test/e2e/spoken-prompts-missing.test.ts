/**
 * Issue 21: on a kiosk without espeak-ng the idle screen has no "Đọc hướng dẫn" button, and the
 * technician's health tab says why. The core is started with a PATH that holds only `node`.
 */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { launchChromium } from './chromium';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  const bin = mkdtempSync(join(tmpdir(), 'kiosk-no-espeak-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  kiosk = await startKioskProcess({ env: { PATH: bin } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('spoken prompts without espeak-ng', () => {
  it('hide the button, and the health tab says espeak-ng is not installed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1024 }, hasTouch: true });
    // The idle screen's answer to `speech.status`, as the core sent it.
    const statusReply = new Promise<string>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => {
          if (String(payload).includes('"available":false')) resolve(String(payload));
        }),
      );
    });
    await page.goto(kiosk.url);
    await page.getByTestId('screen-idle').waitFor();
    expect(await statusReply).toContain('espeak-ng is not installed');
    expect(await page.getByTestId('spoken-prompts').count()).toBe(0);

    await page.getByTestId('app-title').dispatchEvent('pointerdown');
    await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
    await page.getByTestId('sign-in-role-technician').tap();
    await page.getByTestId('sign-in-user').fill(DEMO_TECHNICIAN.user);
    for (const digit of DEMO_TECHNICIAN.pin) await page.getByTestId(`pin-key-${digit}`).tap();
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('screen-technician').waitFor();
    await page.getByTestId('tab-health').tap();
    await page.getByTestId('health-speech').waitFor();
    expect(await page.getByTestId('health-speech').textContent()).toContain(
      'espeak-ng is not installed (Debian: apt-get install espeak-ng)',
    );
    await page.close();
  });
});
