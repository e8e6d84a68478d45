/**
 * Issue 21: before submitting, the confirmation screen shows what the citizen commits to — the
 * expected appointment (from the core's appointment calculator), the fee the procedure defines,
 * the papers to bring and where to go next.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@kiosk/forms';
import { kioskPage } from './chromium';
import { fillMissing, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('the confirmation screen', () => {
  it('shows the expected appointment, the fee, the papers and the next step', async () => {
    const procedure = loadCatalogue().procedures.find((p) => p.code === '1.004222');
    if (!procedure) throw new Error('thường trú missing from the catalogue');
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 0, 'thuong tru', procedure.code);
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    expect(await page.getByTestId('commitment-appointment').textContent()).toMatch(
      /^\d{2} giờ \d{2}, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật) \d{2}\/\d{2}\/\d{4}$/,
    );
    // The fee once: in full where the procedure gives its source, else in the commitment.
    const fees = page.locator('[data-testid="confirm-fee"], [data-testid="commitment-fee"]');
    expect(await fees.count()).toBe(1);
    expect(await fees.textContent()).toContain(procedure.fee.amountVnd.toLocaleString('vi-VN'));
    const papers = (await page.getByTestId('commitment-papers').textContent()) ?? '';
    // No optional paper ("nếu có") was ticked on the review screen: only the required ones.
    for (const document of procedure.documents)
      if (document.optional) expect(papers).not.toContain(document.name.vi);
      else expect(papers).toContain(document.name.vi);
    expect(await page.getByTestId('commitment-next').textContent()).toContain(
      procedure.receivingAgency.vi,
    );
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
