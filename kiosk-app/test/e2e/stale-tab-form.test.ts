/**
 * Two pages on one kiosk (a stale second tab, or a window left open), issue 24 item 5: the
 * second page showing the form must not overwrite what the citizen typed in the first when one
 * of its fields loses focus.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('a second page on the review screen', () => {
  it('does not save its old value over the citizen’s when its field loses focus', async () => {
    const citizen = await kioskPage(shell.browser, shell.kiosk.url);
    const other = await shell.browser.newPage({
      viewport: { width: 1280, height: 1024 },
      hasTouch: true,
    });
    await other.goto(shell.kiosk.url);
    await reachReview(citizen, 2, 'thuong tru', '1.004222');
    await other.getByTestId('screen-reviewingForm').waitFor();

    // The other page's field is focused (its draft is the old, empty value) ...
    await other.getByTestId('field-phone').focus();
    // ... while the citizen types the phone number on the kiosk page.
    await citizen.getByTestId('field-phone').fill('0912345678');
    await citizen.getByTestId('field-phone').press('Tab');
    await other.getByTestId('field-phone').press('Tab');
    await expect.poll(() => other.getByTestId('field-phone').inputValue()).toBe('0912345678');

    // The core kept the citizen's value: a fresh page shows it.
    const fresh = await shell.browser.newPage();
    await fresh.goto(shell.kiosk.url);
    await fresh.getByTestId('screen-reviewingForm').waitFor();
    expect(await fresh.getByTestId('field-phone').inputValue()).toBe('0912345678');
    await citizen.getByTestId('cancel').tap();
  });
});
