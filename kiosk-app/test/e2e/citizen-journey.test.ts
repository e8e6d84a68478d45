/**
 * The citizen journey end to end in the browser shell: `kiosk serve --demo` as a real process,
 * Debian's Chromium driven by Playwright, tapping through the screens as a citizen would.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { launchChromium, kioskPage } from './chromium';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** Taps the choices a citizen makes to reach the review screen of a procedure. */
async function reachReview(
  page: Page,
  cardIndex: number,
  search: string,
  code: string,
): Promise<void> {
  await page.getByTestId(`demo-card-${cardIndex}`).tap();
  await page.getByTestId('screen-choosingProcedure').waitFor();
  await page.getByTestId('procedure-search').fill(search);
  await page.getByTestId(`procedure-${code}`).tap();
  await page.getByTestId('choose-procedure').tap();
  await page.getByTestId('screen-reviewingForm').waitFor();
}

/** A valid value for an input, chosen the way a citizen would answer that question. */
function answerFor(type: string | null, testId: string): string {
  if (type === 'date') return `${new Date().getFullYear() + 1}-06-01`;
  if (type === 'email') return 'cong.dan@example.vn';
  if (type === 'tel') return testId.toLowerCase().includes('phone') ? '0912345678' : '1';
  if (testId.endsWith('-province')) return 'Thành phố Hà Nội';
  if (testId.endsWith('-commune')) return 'Phường Ba Đình';
  return 'Số 1 đường Lê Lợi';
}

/** Fills every missing field with a valid value for its type, as the citizen would type it. */
async function fillMissing(page: Page): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const ids = await page
      .locator('.field.missing, .field.invalid')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.field ?? ''));
    if (ids.length === 0) return;
    for (const id of ids) {
      const field = page.locator(`[data-field="${id}"]`);
      const select = field.locator('select');
      if ((await select.count()) > 0) {
        await select.selectOption({ index: 1 });
        continue;
      }
      const toggle = field.locator('button.toggle');
      if ((await toggle.count()) > 0) {
        await toggle.tap();
        continue;
      }
      const inputs = await field.locator('input').all();
      for (const input of inputs) {
        await input.fill(
          answerFor(
            await input.getAttribute('type'),
            (await input.getAttribute('data-testid')) ?? '',
          ),
        );
        await input.press('Tab');
      }
    }
    await page.getByTestId('form-continue').tap();
    await page.waitForTimeout(300);
    if (await page.getByTestId('screen-confirming').isVisible()) return;
  }
}

describe('citizen journey in the browser shell', () => {
  it('goes from placing a card to a printed receipt, by tapping', async () => {
    const citizen = syntheticCitizen(0);
    const page = await kioskPage(browser, kiosk.url);
    await expect(page.getByTestId('privacy-statement')).toBeTruthy();
    await reachReview(page, 0, 'thuong tru', '1.004222');
    // Values from the chip are marked as such and cannot be edited.
    await expect(page.getByTestId('field-fullName-source').textContent()).resolves.toMatch(/chip/i);
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    expect(await page.getByTestId('confirm-applicant').textContent()).toBe(citizen.fullName);
    await page.getByTestId('confirm-submit').tap();
    await page.getByTestId('screen-done').waitFor();
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).toMatch(/^H01-\d{6}-1\d{3}$/);
    const receiptText = (await page.getByTestId('receipt').textContent()) ?? '';
    expect(receiptText).toContain(citizen.fullName);
    expect(receiptText).toContain('Hẹn trả kết quả');
    const printed = await readFile(join(kiosk.dataDir, 'printed', `${code}.txt`), 'utf8');
    expect(printed).toContain(`Mã hồ sơ: ${code}`);
    expect(printed).toContain(`Người nộp: ${citizen.fullName}`);
    await page.getByTestId('finish').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('a reload in the middle of the journey resumes where the citizen was', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await reachReview(page, 1, 'tam tru', '1.004194');
    await page.reload();
    await page.getByTestId('screen-reviewingForm').waitFor();
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
