/**
 * Issue 18, "Done when": a status change that reaches the SMSC simulator. In the browser shell
 * of `kiosk serve --demo`: a citizen ticks "Nhận tin nhắn SMS về tình trạng hồ sơ" on the form
 * and submits a counter dossier (Đăng ký thường trú); the phiếu names the short code; the
 * officer accepts it on the portal simulator's screen; the portal texts the new status over
 * SMPP and the SMSC simulator records exactly one message with the code and the status. A
 * second citizen who leaves the box unticked gets no message.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoServiceUrl, officerAccepts } from './back-office';
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

interface RecordedSms {
  readonly source: string;
  readonly destination: string;
  readonly text: string;
}

async function smscMessages(): Promise<RecordedSms[]> {
  const res = await fetch(demoServiceUrl(shell.kiosk, 'smscMessages'));
  return ((await res.json()) as { messages: RecordedSms[] }).messages;
}

/** Polls the SMSC simulator's list until a message for `code` is there. */
async function messagesFor(code: string): Promise<RecordedSms[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = (await smscMessages()).filter((m) => m.text.includes(code));
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SMS for ${code} reached the SMSC simulator`);
}

async function submitCounterDossier(cardIndex: number, consent: boolean): Promise<string> {
  const page: Page = await kioskPage(shell.browser, shell.kiosk.url);
  await reachReview(page, cardIndex, 'thuong tru', '1.004222');
  const phone = page.getByTestId('field-phone');
  await phone.fill('0912345678');
  await phone.press('Tab');
  const box = page.getByTestId('field-smsConsent');
  expect(await box.textContent()).toBe('Không');
  if (consent) {
    await box.tap();
    await page.locator('[data-testid="field-smsConsent"].on').waitFor();
  }
  await fillMissing(page);
  await page.getByTestId('screen-confirming').waitFor();
  await page.getByTestId('confirm-submit').tap();
  await payLaterIfAsked(page, 40_000);
  const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
  await finishSkippingRating(page);
  await page.close();
  return code;
}

describe('status SMS end to end', () => {
  it('a consenting citizen gets one SMS when the officer accepts; one who did not, none', async () => {
    const silent = await submitCounterDossier(1, false);
    const subscribed = await submitCounterDossier(2, true);
    expect(silent).not.toBe(subscribed);

    const phieu = await printedSlipText(shell.kiosk.dataDir, (t) => t.includes(subscribed));
    expect(phieu).toContain('đầu số 8088');
    const silentPhieu = await printedSlipText(shell.kiosk.dataDir, (t) => t.includes(silent));
    expect(silentPhieu).not.toContain('đầu số');

    // The unsubscribed dossier is accepted first: the portal sends in order, so a message for
    // it would reach the SMSC before the subscribed one's.
    await officerAccepts(shell.browser, shell.kiosk, silent);
    await officerAccepts(shell.browser, shell.kiosk, subscribed);
    const [message, ...more] = await messagesFor(subscribed);
    expect(more).toEqual([]);
    expect(message).toEqual({
      ...message,
      source: '8088',
      destination: '84912345678',
      text: `Ho so ${subscribed} da duoc tiep nhan. Tra cuu bang ma ho so.`,
    });
    const all = await smscMessages();
    expect(all.filter((m) => m.text.includes(silent))).toEqual([]);
    expect(all).toHaveLength(1);
  });
});
