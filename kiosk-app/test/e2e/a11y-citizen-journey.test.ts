/**
 * Issue 21: axe-core (from the npm registry) on every screen of the citizen journey, at the
 * portrait kiosk display, must find no serious or critical violation, in the normal display and
 * with large text or high contrast switched on from the header.
 */
import { describe, expect, it } from 'vitest';
import { axePage, seriousViolations } from './a11y-axe';
import { fillMissing, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

const DISPLAY_MODES = ['normal', 'large-text', 'high-contrast'] as const;

describe('accessibility of the citizen journey (axe-core)', () => {
  it.each(DISPLAY_MODES)(
    'has no serious or critical violation on any screen, at 1080×1920, %s',
    async (mode) => {
      const page = await axePage(shell.browser, shell.kiosk.url);
      if (mode !== 'normal') {
        await page.getByTestId(`display-${mode}`).tap();
        expect(await page.evaluate(() => document.documentElement.className)).toContain(mode);
      }
      const found: Record<string, string[]> = {};

      found.idle = await seriousViolations(page);

      // The demo card stays on the identifying screen only while it is read; check it there.
      await page.getByTestId('demo-card-0').tap();
      await page.getByTestId('screen-identifying').waitFor();
      found.identifying = await seriousViolations(page);

      await page.getByTestId('screen-choosingProcedure').waitFor();
      found.choosingProcedure = await seriousViolations(page);
      await page.getByTestId('cancel').tap();
      await page.getByTestId('screen-idle').waitFor();

      await reachReview(page, 0, 'thuong tru', '1.004222');
      await page.getByTestId('field-phone').tap();
      await page.getByTestId('keyboard').waitFor();
      found.reviewingFormWithKeyboard = await seriousViolations(page);
      await page.getByTestId('keyboard').getByRole('button', { name: 'Đóng bàn phím' }).tap();

      await fillMissing(page);
      await page.getByTestId('screen-confirming').waitFor();
      found.confirming = await seriousViolations(page);

      // Issue 17: đăng ký thường trú's fee is paid at submission; the VietQR screen comes first.
      await page.getByTestId('confirm-submit').tap();
      await page.getByTestId('payment-qr').waitFor();
      found.payingFee = await seriousViolations(page);
      await page.getByTestId('pay-later').tap();
      await page.getByTestId('screen-done').waitFor();
      found.done = await seriousViolations(page);

      await page.getByTestId('finish').tap();
      await page.getByTestId('screen-rating').waitFor();
      found.rating = await seriousViolations(page);
      await page.getByTestId('rating-skip').tap();
      await page.getByTestId('screen-idle').waitFor();

      // "Lấy số thứ tự" (issue 18): the choice of field, then the issued number.
      await page.getByTestId('open-take-number').tap();
      await page.getByTestId('screen-takingNumber').waitFor();
      found.takingNumber = await seriousViolations(page);
      await page.getByTestId('counter-group-CT').tap();
      await page.getByTestId('queue-ticket').waitFor();
      found.takingNumberIssued = await seriousViolations(page);
      await page.getByTestId('finish').tap();
      await page.getByTestId('screen-idle').waitFor();
      await page.close();
      expect(found).toEqual({
        idle: [],
        identifying: [],
        choosingProcedure: [],
        reviewingFormWithKeyboard: [],
        confirming: [],
        payingFee: [],
        done: [],
        rating: [],
        takingNumber: [],
        takingNumberIssued: [],
      });
    },
  );
});
