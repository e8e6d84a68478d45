/**
 * Issue 21: a value the citizen typed once (a phone number) is offered in the later field that
 * asks for it again, one tap instead of ten keystrokes.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('answers given once', () => {
  it('the trader phone typed once is offered for the contact phone', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
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
