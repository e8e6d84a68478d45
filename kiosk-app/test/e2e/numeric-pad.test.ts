/**
 * Issue 21: phone and ID inputs open a numeric pad — the input says so to any keyboard
 * (`inputmode`), and the kiosk's own on-screen keyboard switches to its dial-pad layout.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('the numeric pad', () => {
  it('opens for the phone number, and the text keyboard for an address', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 0, 'thuong tru', '1.004222');
    const phone = page.getByTestId('field-phone');
    expect(await phone.getAttribute('inputmode')).toBe('tel');
    await phone.tap();
    const keyboard = page.getByTestId('keyboard');
    await keyboard.waitFor();
    expect(await keyboard.getAttribute('data-layout')).toBe('numeric');
    expect(await keyboard.getByRole('button', { name: 'q', exact: true }).count()).toBe(0);
    await keyboard.getByRole('button', { name: '7', exact: true }).tap();
    expect(await phone.inputValue()).toMatch(/7$/);
    await page.getByTestId('field-newResidence-detail').tap();
    await page.locator('[data-testid="keyboard"][data-layout="text"]').waitFor();
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
