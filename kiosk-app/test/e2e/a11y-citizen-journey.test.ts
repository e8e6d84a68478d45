/**
 * Issue 21: axe-core (from the npm registry) on every screen of the citizen journey, at the
 * portrait kiosk display, must find no serious or critical violation.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { fillMissing, reachReview } from './citizen-steps';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core');

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

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The serious and critical violations axe-core finds on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

describe('accessibility of the citizen journey (axe-core)', () => {
  it('has no serious or critical violation on any screen, at 1080×1920', async () => {
    // The kiosk's CSP forbids inline scripts; only this test's page may inject axe-core's.
    const page = await browser.newPage({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      bypassCSP: true,
    });
    await page.goto(kiosk.url);
    await page.getByTestId('screen-idle').waitFor();
    const found: Record<string, string[]> = {};

    found.idle = await seriousViolations(page);

    // The demo card stays on the identifying screen only while it is read; check it there.
    await page.getByTestId('demo-card-0').tap();
    await page.getByTestId('screen-identifying').waitFor();
    found.identifying = await seriousViolations(page);

    await page.getByTestId('screen-choosingProcedure').waitFor();
    found.choosingProcedure = await seriousViolations(page);
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();

    await reachReview(page, 0, 'thuong tru', '1.004222');
    await page.getByTestId('field-phone').tap();
    await page.getByTestId('keyboard').waitFor();
    found.reviewingFormWithKeyboard = await seriousViolations(page);
    await page.getByTestId('keyboard').getByRole('button', { name: 'Đóng bàn phím' }).tap();

    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    found.confirming = await seriousViolations(page);

    await page.getByTestId('confirm-submit').tap();
    await page.getByTestId('screen-done').waitFor();
    found.done = await seriousViolations(page);

    await page.getByTestId('finish').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
    expect(found).toEqual({
      idle: [],
      identifying: [],
      choosingProcedure: [],
      reviewingFormWithKeyboard: [],
      confirming: [],
      done: [],
    });
  });
});
