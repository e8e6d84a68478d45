/**
 * The published procedure screens (issue 18) under axe-core at the kiosk's 1080×1920: the
 * catalogue without a card, a procedure's page with its phone QR, the "place the card" step
 * and the message for a QR that opens no procedure.
 */
import { describe, expect, it } from 'vitest';
import { axePage, seriousViolations } from './a11y-axe';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

describe('accessibility of the procedure page (axe-core)', () => {
  it('has no serious or critical violation on any of its screens', async () => {
    const page = await axePage(shell.browser, shell.kiosk.url);
    const found: Record<string, string[]> = {};
    await page.getByTestId('open-procedure-catalogue').tap();
    await page.getByTestId('screen-procedureCatalogue').waitFor();
    found.catalogue = await seriousViolations(page);
    await page.getByTestId('procedure-info-1.004222').tap();
    await page.getByTestId('procedure-portal-qr').locator('img').waitFor();
    found.page = await seriousViolations(page);
    await page.getByTestId('procedure-page-submit').tap();
    await page.getByTestId('screen-procedureAwaitingCard').waitFor();
    found.awaitingCard = await seriousViolations(page);
    await page.getByTestId('cancel').tap();
    await page.getByTestId('demo-procedure-qr-unknown').tap();
    await page.getByTestId('screen-procedureProblem').waitFor();
    found.problem = await seriousViolations(page);
    expect(found).toEqual({ catalogue: [], page: [], awaitingCard: [], problem: [] });
  });
});
