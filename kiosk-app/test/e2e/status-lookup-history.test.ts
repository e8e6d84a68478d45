/**
 * Issue 18, item 5, end to end in the browser shell against the demo's portal simulator: the
 * status lookup shows the dossier's history, appointment, fee and whether the result can be
 * collected, before and after the officer accepts the dossier (`POST /can-bo/ho-so/:code/tiep-nhan`).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskPage } from './chromium';
import { completeJourney, finishSkippingRating } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** The demo's portal simulator, from the officer screen it logs at start. */
function portalUrl(path: string): string {
  const line = shell.kiosk.logLines.find((l) => l.includes('"event":"demo.services"')) ?? '';
  const officer = /"officerScreen":"([^"]+)"/.exec(line)?.[1];
  if (!officer) throw new Error('the demo did not log its officer screen');
  return new URL(path, officer).toString();
}

async function lookUp(page: Page, code: string): Promise<void> {
  await page.getByTestId('status-code').fill(code);
  await page.getByTestId('status-lookup').tap();
  await page.getByTestId('status-result').waitFor();
}

describe('the status lookup with history', () => {
  it('the lookup shows the history after the officer accepts, with appointment and fee', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    const code = await completeJourney(page, 2);
    await finishSkippingRating(page);
    await page.getByTestId('open-status-lookup').tap();
    await lookUp(page, code);
    const before = page.getByTestId('status-history').locator('li');
    expect(await before.evaluateAll((li) => li.map((l) => l.getAttribute('data-status')))).toEqual([
      'submitted',
    ]);

    const accepted = await fetch(portalUrl(`/can-bo/ho-so/${encodeURIComponent(code)}/tiep-nhan`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CanBo: 'Cán bộ Mẫu' }),
    });
    expect(accepted.status).toBe(200);

    await page.getByTestId('status-lookup').tap();
    await page.locator('[data-testid="status-history"] li[data-status="received"]').waitFor();
    const steps = await page
      .getByTestId('status-history')
      .locator('li')
      .evaluateAll((li) =>
        li.map((l) => ({
          status: l.getAttribute('data-status'),
          at: l.querySelector('time')?.getAttribute('datetime') ?? '',
        })),
      );
    expect(steps.map((s) => s.status).slice(0, 2)).toEqual(['submitted', 'received']);
    for (const step of steps) expect(Number.isNaN(Date.parse(step.at))).toBe(false);
    expect(await page.getByTestId('status-history').textContent()).toContain('Đã tiếp nhận');
    expect(await page.getByTestId('status-appointment').textContent()).toMatch(
      /Ngày hẹn trả kết quả: \d{2} giờ \d{2}, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật) \d{2}\/\d{2}\/\d{4}/,
    );
    expect(await page.getByTestId('status-fee').textContent()).toMatch(
      /Phí, lệ phí: (Miễn phí|Chưa nộp [\d.]+ đ)/,
    );
    expect(await page.getByTestId('status-collectable').getAttribute('data-collectable')).toBe(
      'false',
    );
    await page.close();
  });
});
