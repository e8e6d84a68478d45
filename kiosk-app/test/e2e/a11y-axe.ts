import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

/** axe-core's browser bundle, from the npm registry (devDependency of @kiosk/app). */
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * A touch page at the portrait kiosk display on the idle screen. The kiosk's CSP forbids inline
 * scripts, so only this test page bypasses it, to inject axe-core's source.
 */
export async function axePage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    bypassCSP: true,
  });
  await page.goto(url);
  await page.getByTestId('screen-idle').waitFor();
  return page;
}

/** The serious and critical violations axe-core finds on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
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
