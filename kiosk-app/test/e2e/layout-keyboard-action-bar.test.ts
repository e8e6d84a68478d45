/**
 * Issue 21: on the real kiosk display the on-screen keyboard must not cover the action bar. At
 * portrait 1080×1920 and landscape 1920×1080 a citizen corrects the phone number on a complete
 * review form and taps "Tiếp tục" with the keyboard still open; the journey moves on.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { fillMissing, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

const DISPLAYS = [
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
  { name: 'landscape 1920×1080', width: 1920, height: 1080 },
];

describe('the action bar above the on-screen keyboard', () => {
  for (const display of DISPLAYS) {
    it(`${display.name}: "Tiếp tục" tapped with the keyboard open moves the journey on`, async () => {
      const page = await kioskPage(shell.browser, shell.kiosk.url);
      await page.setViewportSize({ width: display.width, height: display.height });
      await reachReview(page, 0, 'thuong tru', '1.004222');
      // Every answer given, then back from the confirmation to change the phone number.
      await fillMissing(page);
      await page.getByTestId('screen-confirming').waitFor();
      await page.getByTestId('confirm-back').tap();
      await page.getByTestId('screen-reviewingForm').waitFor();
      const input = page.getByTestId('field-phone');
      await input.tap();
      await page.getByTestId('keyboard').waitFor();
      await page.keyboard.press('Backspace');
      await page.keyboard.type('9');
      // The keyboard covers neither the field being typed nor the primary action.
      const keyboardTop = (await page.getByTestId('keyboard').boundingBox())?.y ?? 0;
      const fieldBox = await input.boundingBox();
      const continueBox = await page.getByTestId('form-continue').boundingBox();
      expect(fieldBox && fieldBox.y + fieldBox.height).toBeLessThanOrEqual(continueBox?.y ?? 0);
      expect(continueBox && continueBox.y + continueBox.height).toBeLessThanOrEqual(keyboardTop);
      await page.getByTestId('form-continue').tap();
      await page.getByTestId('screen-confirming').waitFor({ timeout: 5000 });
      // The number typed with the keyboard open was saved before the journey moved on.
      await page.getByTestId('confirm-back').tap();
      await expect.poll(() => page.getByTestId('field-phone').inputValue()).toBe('0912345679');
      await page.getByTestId('cancel').tap();
      await page.getByTestId('screen-idle').waitFor();
      await page.close();
    });
  }
});
