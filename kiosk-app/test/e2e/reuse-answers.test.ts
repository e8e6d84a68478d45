/**
 * Issue 21: a value the citizen typed once (a phone number) is offered in the later field that
 * asks for it again, one tap instead of ten keystrokes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, kioskPage } from './chromium';
import { reachReview } from './citizen-steps';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('answers given once', () => {
  it('the trader phone typed once is offered for the contact phone', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await reachReview(page, 0, 'khuyen mai', '2.000004');
    expect(await page.getByTestId('reuse-contactPhone').count()).toBe(0);
    await page.getByTestId('field-traderPhone').fill('0912345678');
    await page.getByTestId('field-traderPhone').press('Tab');
    await page.getByTestId('reuse-contactPhone').tap();
    await page.getByTestId('reuse-contactPhone').waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-contactPhone').inputValue()).toBe('0912345678');
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
