/**
 * A citizen's walk from the placed card to the receipt, counting what the citizen does: taps
 * (buttons, list entries, focusing a field, a choice) and keystrokes (keys of the on-screen
 * keyboard). The card placement itself is neither; the "Hoàn tất" tap after the receipt is not
 * counted either (the journey is over). Used by the issue-21 bench; it measures, never asserts.
 */
import type { Locator, Page } from 'playwright-core';
import { TONES } from '../../src/renderer/components/vietnamese-typing';

export interface WalkCount {
  taps: number;
  /** Of `taps`, those spent answering fields (focus a field, open a list, pick, toggle). */
  answerTaps: number;
  keystrokes: number;
  /** Fields the record did not fill and the citizen answered. */
  answers: string[];
}

const TONE_MARKS = new Set<string>(Object.values(TONES));

/**
 * Keys the on-screen keyboard needs for `text`: one per letter (marked letters such as ô and đ
 * have their own key; the first letter of a word is capitalised automatically) and one per tone
 * mark (a tone key after the syllable).
 */
export function onScreenKeystrokes(text: string): number {
  const parts = [...text.normalize('NFD')];
  // Marks other than tones (circumflex, breve, horn) belong to their letter's own key.
  const keys = parts.filter((c) => !/\p{M}/u.test(c)).length;
  return keys + parts.filter((c) => TONE_MARKS.has(c)).length;
}

/** The answer a citizen gives to a field no record holds, by the kind of input. */
function answerFor(type: string | null, testId: string, inputMode?: string | null): string {
  if (/-fromMonth$/.test(testId)) return '01/2020';
  if (/-toMonth$/.test(testId)) return '12/2024';
  if (/-lineCode$/.test(testId)) return '4711';
  if (inputMode === 'numeric') return '1';
  if (type === 'date') {
    // A birth lies in the past; the other dates the forms ask for (stay until, ...) ahead.
    const year = new Date().getFullYear() + (/birth/i.test(testId) ? -1 : 1);
    return `${year}-06-01`;
  }
  if (/taxcode/i.test(testId)) return '0101234567';
  if (type === 'email') return 'cong.dan@example.vn';
  if (type === 'tel') return testId.toLowerCase().includes('phone') ? '0912345678' : '1';
  if (testId.endsWith('-province')) return 'Thành phố Hà Nội';
  if (testId.endsWith('-commune')) return 'Phường Ba Đình';
  return 'Số 1 đường Lê Lợi';
}

/** A date is typed as its eight digits (ddmmyyyy) on the numeric row. */
function keystrokesFor(type: string | null, value: string): number {
  return type === 'date' ? value.replace(/\D/g, '').length : onScreenKeystrokes(value);
}

async function tap(page: Page, testId: string, count: WalkCount): Promise<void> {
  await page.getByTestId(testId).tap();
  count.taps++;
}

/** Taps the procedure in the catalogue when it is on screen, otherwise searches for it. */
async function chooseProcedure(
  page: Page,
  code: string,
  search: string,
  count: WalkCount,
): Promise<void> {
  await page.getByTestId('screen-choosingProcedure').waitFor();
  const entry = page.getByTestId(`procedure-${code}`);
  await entry.waitFor();
  const box = await entry.boundingBox();
  const viewport = page.viewportSize();
  const onScreen = box && viewport && box.y >= 0 && box.y + box.height <= viewport.height;
  if (!onScreen) {
    await tap(page, 'procedure-search', count);
    await page.getByTestId('procedure-search').fill(search);
    count.keystrokes += onScreenKeystrokes(search);
  }
  await tap(page, `procedure-${code}`, count);
  await tap(page, 'choose-procedure', count);
  await page.getByTestId('screen-reviewingForm').waitFor();
}

/** Types an answer into every input inside `scope`: a tap to focus, then the keys. */
async function answerInputs(scope: Locator, count: WalkCount): Promise<void> {
  for (const input of await scope.locator('input').all()) {
    const type = await input.getAttribute('type');
    const testId = (await input.getAttribute('data-testid')) ?? '';
    const value = answerFor(type, testId, await input.getAttribute('inputmode'));
    await input.tap();
    count.taps++;
    count.answerTaps++;
    await input.fill(value);
    count.keystrokes += keystrokesFor(type, value);
    await input.press('Tab');
  }
}

/** Answers every field the form still misses, as `fillMissing` does, counting each action. */
async function answerMissing(page: Page, count: WalkCount): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const ids = await page
      .locator('.field.missing, .field.invalid')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.field ?? ''));
    for (const id of ids) {
      if (!count.answers.includes(id)) count.answers.push(id);
      const field = page.locator(`[data-field="${id}"]`);
      const reuse = page.getByTestId(`reuse-${id}`);
      // The offer appears once the core has the earlier answer; give its echo a moment.
      const offered = await reuse
        .waitFor({ timeout: 1000 })
        .then(() => true)
        .catch(() => false);
      if (offered) {
        // An answer given earlier in the form (a phone, an e-mail) is offered: one tap.
        await reuse.tap();
        count.taps++;
        count.answerTaps++;
        await reuse.waitFor({ state: 'detached' });
        continue;
      }
      const select = field.locator('select');
      if ((await select.count()) > 0) {
        await select.selectOption({ index: 1 });
        count.taps += 2; // open the list, pick an option
        count.answerTaps += 2;
        continue;
      }
      const groupRow = field.locator('.group-new');
      if ((await groupRow.count()) > 0) {
        await answerInputs(groupRow, count);
        await field.locator('[data-testid$="-add"]').tap();
        count.taps++;
        count.answerTaps++;
        continue;
      }
      const toggle = field.locator('button.toggle');
      if ((await toggle.count()) > 0) {
        await toggle.tap();
        count.taps++;
        count.answerTaps++;
        continue;
      }
      await answerInputs(field, count);
    }
    await tap(page, 'form-continue', count);
    // The core answers with the confirmation or with the fields still wanting an answer.
    await page.waitForTimeout(300);
    if (await page.getByTestId('screen-confirming').isVisible()) return;
  }
  const left = await page
    .locator('.field.missing, .field.invalid')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.field ?? ''));
  throw new Error(`the form still misses answers after three rounds: ${left.join(', ')}`);
}

/** From the idle screen: places demo card `cardIndex`, walks to the receipt, and counts. */
export async function countedJourney(
  page: Page,
  cardIndex: number,
  code: string,
  search: string,
): Promise<WalkCount> {
  const count: WalkCount = { taps: 0, answerTaps: 0, keystrokes: 0, answers: [] };
  await page.getByTestId(`demo-card-${cardIndex}`).tap();
  await chooseProcedure(page, code, search, count);
  await answerMissing(page, count);
  await tap(page, 'confirm-submit', count);
  // A fee paid at submission (issue 17): this walk pays later at the counter, one tap more.
  const paying = page.getByTestId('screen-payingFee');
  await paying.or(page.getByTestId('screen-done')).first().waitFor();
  if (await paying.isVisible()) await tap(page, 'pay-later', count);
  await page.getByTestId('screen-done').waitFor();
  return count;
}
