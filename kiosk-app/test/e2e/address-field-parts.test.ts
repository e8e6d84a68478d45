/**
 * An address entered part after part (số nhà typed, then tỉnh/thành phố and xã/phường picked
 * from the official list by typing without accents) is saved whole.
 * Each part is saved when the citizen moves on, and the core then raises the field's version;
 * the field must go on from the version its own save produced, or the next part is refused as
 * the edit of a stale page and lost.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('an address field', () => {
  it('keeps every part the citizen typed in one pass', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 2, 'thuong tru', '1.004222');
    await page.getByTestId('field-newResidence-detail').fill('Số 12 ngõ 34');
    await page.getByTestId('field-newResidence-detail').press('Tab');
    await page.getByTestId('field-newResidence-province').fill('hue');
    await page.getByTestId('field-newResidence-province-option-46').tap();
    await page.getByTestId('field-newResidence-commune').fill('thuan hoa');
    await page.getByTestId('field-newResidence-commune-option-19789').tap();
    const parts = {
      detail: 'Số 12 ngõ 34',
      commune: 'Phường Thuận Hóa',
      province: 'Thành phố Huế',
    };
    // What the core stored: a fresh page shows the field from the core's value.
    const fresh = await shell.browser.newPage();
    await fresh.goto(shell.kiosk.url);
    await fresh.getByTestId('screen-reviewingForm').waitFor();
    for (const [part, text] of Object.entries(parts))
      await expect
        .poll(() => fresh.getByTestId(`field-newResidence-${part}`).inputValue(), {
          timeout: 5_000,
        })
        .toBe(text);
    await fresh.close();
    await page.getByTestId('cancel').tap();
  });
});
