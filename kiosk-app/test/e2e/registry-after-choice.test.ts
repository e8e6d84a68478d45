/**
 * Issue 16, item 1, on screen: the registry is asked once the procedure is chosen. The catalogue
 * comes straight after the card (no registry answer yet, so no mismatch banner there); between
 * "Chọn thủ tục này" and the form the kiosk says it is looking the citizen up ("đang tra cứu",
 * with Hủy still one tap away); the form then carries what the registry said, and where card 4
 * disagrees with it, says so. The demo's registry simulator answers 1.5 s late here.
 */
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium({ env: { KIOSK_DEMO_REGISTRY_DELAY_MS: '1500' } });

describe('registry lookup after the choice, in the browser shell', () => {
  it('shows "đang tra cứu" between the choice and the form, and the mismatch on the form', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('demo-card-3').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    expect(await page.getByTestId('mismatch-notice').count()).toBe(0);
    await page.getByTestId('procedure-search').fill('thuong tru');
    await page.getByTestId('procedure-1.004222').tap();
    await page.getByTestId('choose-procedure').tap();

    const busy = page.getByTestId('screen-lookingUp');
    await busy.waitFor();
    await expect(busy.textContent()).resolves.toContain('Đang tra cứu');
    expect(await page.getByTestId('cancel').isVisible()).toBe(true);

    await page.getByTestId('screen-reviewingForm').waitFor();
    await expect(page.getByTestId('mismatch-notice').textContent()).resolves.toContain(
      'ở mục: Nơi thường trú.',
    );
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('lets the citizen leave while the kiosk is looking up', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('demo-card-0').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    await page.getByTestId('procedure-search').fill('thuong tru');
    await page.getByTestId('procedure-1.004222').tap();
    await page.getByTestId('choose-procedure').tap();
    await page.getByTestId('screen-lookingUp').waitFor();
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    // The late answer reaches nobody: the kiosk stays on the idle screen.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await page.getByTestId('screen-idle').isVisible()).toBe(true);
    await page.close();
  });
});
