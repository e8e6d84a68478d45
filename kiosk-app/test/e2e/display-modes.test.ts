/**
 * Issue 21: large text and high contrast are one tap away in the header of every citizen screen,
 * stay on through the journey, are gone for the next citizen, and their buttons are at least
 * 15 mm at the panel's DPI (`?dpi=`, components/touch-target.ts). The axe runs in each mode are
 * in a11y-citizen-journey.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { millimetresToPx } from '../../src/renderer/components/touch-target';
import { kioskPage } from './chromium';
import { fillMissing, payLaterIfAsked, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

function rootClasses(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.className);
}

function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

async function pressed(page: Page, mode: string): Promise<string | null> {
  return page.getByTestId(`display-${mode}`).getAttribute('aria-pressed');
}

describe('large text and high contrast', () => {
  it('stay on from the idle screen to the receipt and are off for the next citizen', async () => {
    // The portrait kiosk panel, where the header is narrowest.
    const page = await shell.browser.newPage({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
    });
    await page.goto(shell.kiosk.url);
    await page.getByTestId('screen-idle').waitFor();
    const normalSize = await rootFontSize(page);
    const normalInk = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.getByTestId('display-large-text').tap();
    await page.getByTestId('display-high-contrast').tap();
    expect(await rootClasses(page)).toMatch(/large-text/);
    expect(await rootClasses(page)).toMatch(/high-contrast/);
    expect(await rootFontSize(page)).toBeGreaterThan(normalSize * 1.2);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe(normalInk);

    const seen: Record<string, (string | null)[]> = {};
    const record = async (screen: string) => {
      seen[screen] = [await pressed(page, 'large-text'), await pressed(page, 'high-contrast')];
    };
    await reachReview(page, 0, 'thuong tru', '1.004222');
    await record('reviewingForm');
    // Every header button shows its whole face at 1.3 ×: none squeezed under its text or cut
    // off at the right edge of the panel.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('header button')]
        .filter(
          (b) =>
            b.scrollWidth > b.clientWidth + 1 ||
            b.getBoundingClientRect().right > document.documentElement.clientWidth,
        )
        .map((b) => b.textContent),
    );
    expect(overflowing).toEqual([]);
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    await record('confirming');
    await page.getByTestId('confirm-submit').tap();
    await payLaterIfAsked(page);
    await record('done');
    expect(seen).toEqual({
      reviewingForm: ['true', 'true'],
      confirming: ['true', 'true'],
      done: ['true', 'true'],
    });

    await page.getByTestId('finish').tap();
    // The rating after the receipt is still this citizen's: the modes stay on there.
    await page.getByTestId('screen-rating').waitFor();
    expect(await rootClasses(page)).toMatch(/high-contrast/);
    await page.getByTestId('rating-skip').tap();
    await page.getByTestId('screen-idle').waitFor();
    expect(await rootClasses(page)).not.toMatch(/high-contrast|large-text/);
    expect(await rootFontSize(page)).toBe(normalSize);
    expect([await pressed(page, 'large-text'), await pressed(page, 'high-contrast')]).toEqual([
      'false',
      'false',
    ]);
    await page.close();
  });

  it('come back after a reload in the journey, and switch off when a citizen cancels', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('demo-card-1').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    await page.getByTestId('display-large-text').tap();
    expect(await rootClasses(page)).toMatch(/large-text/);
    await page.reload();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    expect(await pressed(page, 'large-text')).toBe('true');
    expect(await rootClasses(page)).toMatch(/large-text/);
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    expect(await rootClasses(page)).not.toMatch(/large-text/);
    await page.close();
  });

  it('are buttons of at least 15 mm at the panel DPI the kiosk is opened with', async () => {
    const dpi = 160;
    const page = await shell.browser.newPage({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
    });
    await page.goto(`${shell.kiosk.url}?dpi=${dpi}`);
    await page.getByTestId('screen-idle').waitFor();
    const minimum = millimetresToPx(15, dpi);
    for (const mode of ['large-text', 'high-contrast']) {
      const box = await page.getByTestId(`display-${mode}`).boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(minimum - 0.5);
      expect(box?.height).toBeGreaterThanOrEqual(minimum - 0.5);
    }
    await page.close();
  });
});
