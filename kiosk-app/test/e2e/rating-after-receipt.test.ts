/**
 * Issue 18, item 3, end to end in the browser shell against the demo's portal simulator: a
 * citizen finishes a journey, rates it with a reason and a comment typed on the on-screen
 * keyboard, and the rating arrives at the portal exactly once, without the phone number typed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskPage } from './chromium';
import { completeJourney } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** The demo's portal simulator, from the officer screen it logs at start. */
function portalUrl(path: string): string {
  const line = shell.kiosk.logLines.find((l) => l.includes('"event":"demo.services"')) ?? '';
  const officer = /"officerScreen":"([^"]+)"/.exec(line)?.[1];
  if (!officer) throw new Error('the demo did not log its officer screen');
  return new URL(path, officer).toString();
}

interface PortalRatings {
  readonly ratings: readonly {
    dossierCode: string;
    level: string;
    reasons: string[];
    comment: string;
  }[];
}

/** Asks the portal simulator until a rating of `code` is stored (the test's timeout bounds it). */
async function ratingsOf(code: string): Promise<PortalRatings['ratings']> {
  for (;;) {
    const body = (await (await fetch(portalUrl('/test/danh-gia'))).json()) as PortalRatings;
    const found = body.ratings.filter((r) => r.dossierCode === code);
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.getByTestId('keyboard');
  for (const key of text) {
    if (key === ' ') await keyboard.getByRole('button', { name: 'Dấu cách' }).tap();
    else await keyboard.getByRole('button', { name: key, exact: true }).tap();
  }
}

describe('the satisfaction rating after the receipt', () => {
  it('a rating given after the receipt arrives at the portal once, with no phone number', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    const code = await completeJourney(page, 0);
    await page.getByTestId('finish').tap();
    await page.getByTestId('screen-rating').waitFor();
    // Nothing of the citizen is left on this screen.
    expect(await page.getByTestId('screen-rating').textContent()).not.toContain(code);
    await page.getByTestId('rating-level-verySatisfied').tap();
    await page.getByTestId('rating-reason-quick').tap();
    await page.getByTestId('rating-comment').tap();
    await page.getByTestId('keyboard').waitFor();
    await typeOnKeyboard(page, 'nhanh 0912345678');
    expect(await page.getByTestId('rating-comment').inputValue()).toBe('Nhanh 0912345678');
    await page.getByTestId('rating-send').tap();
    await page.getByTestId('screen-idle').waitFor();

    const stored = await ratingsOf(code);
    // Exactly once, linked to the dossier code, the phone number cut out of the comment.
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      level: 'RAT_HAI_LONG',
      reasons: ['quick'],
      comment: 'Nhanh [ẩn]',
    });
    await page.close();
  });
});
