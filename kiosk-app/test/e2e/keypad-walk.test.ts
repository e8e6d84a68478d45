/**
 * Issue 21: the whole journey with a hardware keypad and no touch at all: digits, Tab and arrow
 * keys to move, Enter to activate, Escape for back. At every key press the focused element must
 * be on screen, on top, and wear its focus ring.
 */
import { describe, expect, it } from 'vitest';
import { focusSeen, journeyEchoes, keyTo, moveFocusTo, press, unseenFocus } from './keypad-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('hardware keypad', () => {
  it('walks card → procedure → form → confirm → receipt with keys only, focus always seen', async () => {
    // No touch screen at all: a page without touch, driven by page.keyboard only.
    const page = await shell.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const echoes = journeyEchoes(page);
    await page.goto(shell.kiosk.url);
    await page.getByTestId('screen-idle').waitFor();

    // Idle: the demo's card buttons stand in for placing the card on the reader.
    await moveFocusTo(page, 'demo-card-0');
    await keyTo(page, 'screen-choosingProcedure');

    // Catalogue: move to the procedure, Enter opens its detail with the focus on "choose".
    await moveFocusTo(page, 'procedure-1.004222');
    await press(page, 'Enter');
    await page.getByTestId('procedure-detail').waitFor();
    expect((await focusSeen(page)).testId).toBe('choose-procedure');
    // Escape closes the detail and gives the focus back to the procedure.
    await press(page, 'Escape');
    await page.getByTestId('procedure-detail').waitFor({ state: 'detached' });
    expect((await focusSeen(page)).testId).toBe('procedure-1.004222');
    await press(page, 'Enter');
    await page.getByTestId('procedure-detail').waitFor();
    await keyTo(page, 'screen-reviewingForm');

    // Form: digits for the phone, the address picked from the official lists, the basis with
    // the arrow keys, the house number in digits.
    await moveFocusTo(page, 'field-phone');
    await page.keyboard.type('0912345678');
    let echo = echoes.next();
    await moveFocusTo(page, 'field-newResidence-province');
    await echo;
    await moveFocusTo(page, 'field-newResidence-province-option-01');
    echo = echoes.next();
    await press(page, 'Enter');
    await echo;
    await moveFocusTo(page, 'field-newResidence-commune');
    await moveFocusTo(page, 'field-newResidence-commune-option-00004');
    echo = echoes.next();
    await press(page, 'Enter');
    await echo;
    await moveFocusTo(page, 'field-newResidence-detail');
    await page.keyboard.type('12');
    echo = echoes.next();
    await moveFocusTo(page, 'field-residenceBasis');
    await echo;
    echo = echoes.next();
    await press(page, 'ArrowDown');
    await echo;
    await moveFocusTo(page, 'form-continue');
    await keyTo(page, 'screen-confirming');

    // Confirm: Escape goes back to the form, which keeps the answers; then on again.
    await keyTo(page, 'screen-reviewingForm', 'Escape');
    await moveFocusTo(page, 'form-continue');
    await keyTo(page, 'screen-confirming');
    await moveFocusTo(page, 'confirm-submit');

    // The fee is paid at submission (issue 17): the VietQR, and "pay later at the counter".
    await keyTo(page, 'screen-payingFee');
    await moveFocusTo(page, 'pay-later');

    // Receipt, the rating (one level, then send), then back to idle for the next citizen.
    await keyTo(page, 'screen-done');
    expect(await page.getByTestId('dossier-code').textContent()).toMatch(/^H01-\d{6}-1\d{3}$/);
    await moveFocusTo(page, 'finish');
    await keyTo(page, 'screen-rating');
    await moveFocusTo(page, 'rating-level-satisfied');
    await page.keyboard.press('Enter');
    await moveFocusTo(page, 'rating-send');
    await keyTo(page, 'screen-idle');
    await page.close();
    expect(unseenFocus).toEqual([]);
  });
});
