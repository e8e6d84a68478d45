/**
 * The citizen journey end to end in the browser shell: `kiosk serve --demo` as a real process,
 * Debian's Chromium driven by Playwright, tapping through the screens as a citizen would.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { kioskPage } from './chromium';
import {
  fillMissing,
  finishSkippingRating,
  payLaterIfAsked,
  printedSlipText,
  reachReview,
} from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('citizen journey in the browser shell', () => {
  it('goes from placing a card to a printed receipt, by tapping', async () => {
    const citizen = syntheticCitizen(0);
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await expect(page.getByTestId('privacy-statement')).toBeTruthy();
    await reachReview(page, 0, 'thuong tru', '1.004222');
    expect(await page.locator('[data-field="newResidence"]').count()).toBe(1);
    // Values from the chip are marked as such and cannot be edited.
    await expect(page.getByTestId('field-fullName-source').textContent()).resolves.toMatch(/chip/i);
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    expect(await page.getByTestId('confirm-applicant').textContent()).toBe(citizen.fullName);
    await page.getByTestId('confirm-submit').tap();
    await payLaterIfAsked(page);
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).toMatch(/^H01-\d{6}-1\d{3}$/);
    const receiptText = (await page.getByTestId('receipt').textContent()) ?? '';
    expect(receiptText).toContain(citizen.fullName);
    expect(receiptText).toContain('Hẹn trả kết quả');
    // What the virtual ESC/POS printer decoded from the bytes it received over TCP.
    const printed = await printedSlipText(shell.kiosk.dataDir, (text) => text.includes(code));
    expect(printed).toContain(code);
    expect(printed).toContain(citizen.fullName);
    expect(printed).toMatch(/HẸN TRẢ/i);
    await finishSkippingRating(page);
    await page.close();
  });

  it('a reload in the middle of the journey resumes where the citizen was', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 1, 'tam tru', '1.004194');
    // The temporary-residence form (CT01, tạm trú) is generated from its own definition.
    await page.getByTestId('field-stayUntil').waitFor();
    expect(await page.locator('[data-field="temporaryResidence"]').count()).toBe(1);
    expect(await page.locator('[data-field="newResidence"]').count()).toBe(0);
    await page.reload();
    await page.getByTestId('screen-reviewingForm').waitFor();
    await page.getByTestId('field-stayUntil').waitFor();
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
