/**
 * Issue 15, item 3: the review screen asks which optional papers ("nếu có") the citizen has. A
 * paper ticked "Có" is on the confirmation screen and on the printed phiếu nộp hồ sơ; a paper
 * left at "Không" is on neither. Đăng ký thường trú has three such papers.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@kiosk/forms';
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

describe('optional papers', () => {
  it('a ticked paper is on the confirmation and the phiếu, an unticked one is not', async () => {
    const procedure = loadCatalogue().procedures.find((p) => p.code === '1.004222');
    if (!procedure) throw new Error('thường trú missing from the catalogue');
    const ticked = procedure.documents[2];
    const unticked = procedure.documents[3];
    if (!ticked?.optional || !unticked?.optional) throw new Error('papers 2 and 3 not optional');
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 0, 'thuong tru', procedure.code);
    const toggle = page.getByTestId('optional-paper-2');
    expect(await toggle.textContent()).toBe('Không');
    await toggle.tap();
    await page.locator('[data-testid="optional-paper-2"][aria-pressed="true"]').waitFor();
    expect(await page.getByTestId('optional-paper-3').getAttribute('aria-pressed')).toBe('false');
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();

    const papers = (await page.getByTestId('commitment-papers').textContent()) ?? '';
    expect(papers).toContain(ticked.name.vi);
    expect(papers).not.toContain(unticked.name.vi);
    expect(papers).toContain(procedure.documents[0]?.name.vi);

    await page.getByTestId('confirm-submit').tap();
    await payLaterIfAsked(page, 40_000);
    const dossier = (await page.getByTestId('dossier-code').textContent()) ?? '';
    // Wrapped lines break at spaces: joined with one, the text reads as written.
    const slip = (await printedSlipText(shell.kiosk.dataDir, (t) => t.includes(dossier))).replace(
      /\n/g,
      ' ',
    );
    expect(slip).toContain('Giấy tờ cần mang đến quầy:');
    expect(slip).toContain(ticked.name.vi);
    expect(slip).not.toContain(unticked.name.vi);
    expect(slip).not.toContain(procedure.documents[1]?.name.vi);
    await finishSkippingRating(page);
    await page.close();
  });
});
