import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The text of a slip the virtual ESC/POS printer decoded (in `<dataDir>/printed`) that matches. */
export async function printedSlipText(
  dataDir: string,
  matches: (text: string) => boolean,
): Promise<string> {
  const dir = join(dataDir, 'printed');
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const name of (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.json'))) {
      const slip = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
        lines: { text: string }[];
      };
      const text = slip.lines.map((l) => l.text).join('\n');
      if (matches(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no printed slip matches');
}

/** Taps the choices a citizen makes to reach the review screen of a procedure. */
export async function reachReview(
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

/**
 * Picks an address from the official list as a citizen does: types part of the province's name
 * without accents and taps the match, then the same for the commune, then types the street.
 */
export async function pickAddress(
  page: Page,
  fieldId: string,
  detail = 'Số 1 đường Lê Lợi',
): Promise<void> {
  const id = `field-${fieldId}`;
  await page.getByTestId(`${id}-province`).fill('ha noi');
  await page.getByTestId(`${id}-province-option-01`).tap();
  await page.getByTestId(`${id}-commune`).fill('ba dinh');
  await page.getByTestId(`${id}-commune-option-00004`).tap();
  const street = page.getByTestId(`${id}-detail`);
  await street.fill(detail);
  await street.press('Tab');
}

/** A valid value for an input, chosen the way a citizen would answer that question. */
function answerFor(type: string | null, testId: string): string {
  if (type === 'date') return `01/06/${new Date().getFullYear() + 1}`;
  if (type === 'email') return 'cong.dan@example.vn';
  if (type === 'phone') return '0912345678';
  if (type === 'tel' || type === 'number' || type === 'idNumber')
    return testId.toLowerCase().includes('phone') ? '0912345678' : '1';
  return 'Số 1 đường Lê Lợi';
}

/** Fills every missing field with a valid value for its type, as the citizen would type it. */
export async function fillMissing(page: Page): Promise<void> {
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
      if ((await field.getByTestId(`field-${id}-province`).count()) > 0) {
        await pickAddress(page, id);
        continue;
      }
      const inputs = await field.locator('input').all();
      for (const input of inputs) {
        await input.fill(
          answerFor(
            (await input.getAttribute('data-type')) ?? (await input.getAttribute('type')),
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

/**
 * After "Xác nhận": a procedure whose fee is paid at submission shows the payment screen first
 * (issue 17); this citizen pays later at the counter. Then the receipt screen.
 */
export async function payLaterIfAsked(page: Page, timeout = 30_000): Promise<void> {
  const paying = page.getByTestId('screen-payingFee');
  const done = page.getByTestId('screen-done');
  await paying.or(done).first().waitFor({ timeout });
  if (await paying.isVisible()) await page.getByTestId('pay-later').tap({ timeout });
  await done.waitFor({ timeout });
}

/** The whole journey from the idle screen to the printed receipt; returns the dossier code. */
export async function completeJourney(page: Page, cardIndex: number): Promise<string> {
  await reachReview(page, cardIndex, 'thuong tru', '1.004222');
  await fillMissing(page);
  await page.getByTestId('screen-confirming').waitFor();
  await page.getByTestId('confirm-submit').tap();
  await payLaterIfAsked(page);
  return (await page.getByTestId('dossier-code').textContent()) ?? '';
}

/** From the receipt: "Hoàn tất", then the rating screen (issue 18) is skipped; back at idle. */
export async function finishSkippingRating(page: Page): Promise<void> {
  await page.getByTestId('finish').tap();
  await page.getByTestId('screen-rating').waitFor();
  await page.getByTestId('rating-skip').tap();
  await page.getByTestId('screen-idle').waitFor();
}
