/**
 * The core killed with SIGKILL and started again on the same port and data folder (issue 24
 * item 4): the open page must come back by itself, without anyone reloading it. The new core
 * does not know the page's old credential; it must say so in a way the page acts on.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, kioskPage } from './chromium';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

let browser: Browser;
const running: KioskProcess[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const kiosk of running) await kiosk.stop();
});

/** Kills the core at once and starts a new one where it was; the page stays open. */
async function killAndRestart(kiosk: KioskProcess, page: Page): Promise<KioskProcess> {
  await kiosk.stop('SIGKILL');
  await page.getByTestId('screen-connecting').waitFor();
  const again = await startKioskProcess({
    dataDir: kiosk.dataDir,
    extraArgs: ['--port', new URL(kiosk.url).port],
  });
  running.push(again);
  return again;
}

describe('the page after a core restart', () => {
  it('leaves "connecting" by itself and drives the new core (journey not filed: idle)', async () => {
    const kiosk = await startKioskProcess();
    running.push(kiosk);
    const page = await kioskPage(browser, kiosk.url);
    await page.getByTestId('demo-card-0').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();

    await killAndRestart(kiosk, page);

    await page.getByTestId('screen-idle').waitFor();
    await page.getByTestId('demo-card-1').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
  });
});
