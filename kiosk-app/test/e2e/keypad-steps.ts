import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What a keypad user sees of the focused element: where it is, and whether it has a ring. */
export interface FocusSeen {
  testId: string;
  /** The element's centre is on screen and the topmost thing there (not under a bar or overlay). */
  visible: boolean;
  /** The focus outline is drawn, at least 3 px wide (the kiosk draws it on :focus-visible). */
  ring: boolean;
}

/** The focused element as the keypad user sees it. */
export function focusSeen(page: Page): Promise<FocusSeen> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) {
      return { testId: '<body>', visible: false, ring: false };
    }
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    const onScreen =
      box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    const style = getComputedStyle(el);
    return {
      testId: el.dataset.testid ?? `${el.tagName.toLowerCase()}:${el.textContent?.trim() ?? ''}`,
      visible: onScreen && top !== null && (top === el || el.contains(top)),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 3,
    };
  });
}

/** Every focus the walk passed through that was hidden or had no ring (empty when all were fine). */
export const unseenFocus: string[] = [];

/** Presses `key`, then checks the focused element can be seen and has its ring. */
export async function press(page: Page, key: string): Promise<FocusSeen> {
  await page.keyboard.press(key);
  const seen = await focusSeen(page);
  if (!seen.visible || !seen.ring) unseenFocus.push(`${key} → ${JSON.stringify(seen)}`);
  return seen;
}

/** Moves the focus with `key` (Tab by default) until the element with `testId` has it. */
export async function moveFocusTo(page: Page, testId: string, key = 'Tab'): Promise<void> {
  for (let step = 0; step < 120; step++) {
    if ((await press(page, key)).testId === testId) return;
  }
  expect.fail(`${key} never reached ${testId}`);
}

/**
 * Presses `key` (Enter on a button, Escape for back) to take the journey to the screen
 * `screenTestId`, waits for that screen and for the focus to land on it, then checks the focus as
 * `press` does.
 */
export async function keyTo(page: Page, screenTestId: string, key = 'Enter'): Promise<FocusSeen> {
  await page.keyboard.press(key);
  await page.getByTestId(screenTestId).waitFor();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement),
    screenTestId,
  );
  const seen = await focusSeen(page);
  if (!seen.visible || !seen.ring) unseenFocus.push(`${key} → ${JSON.stringify(seen)}`);
  return seen;
}

/**
 * The journey views the core pushes to the page. A keypad user waits to see an answer taken
 * before the next key; the walk waits for the core's echo the same way, since two saves of one
 * field sent before the first is answered make the second a stale page's edit.
 */
export function journeyEchoes(page: Page): { next(): Promise<void> } {
  let waiting: (() => void)[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (!String(payload).startsWith('{"type":"journey"')) return;
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    }),
  );
  return { next: () => new Promise<void>((resolve) => waiting.push(resolve)) };
}
