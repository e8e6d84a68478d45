import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with no network of its own (see the environment notes). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

export async function kioskPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1024 }, hasTouch: true });
  await page.goto(url);
  // Start every test from the idle screen, whatever an earlier test left behind.
  await page.locator('[data-testid="screen-idle"], [data-testid="cancel"]').first().waitFor();
  if (await page.getByTestId('cancel').isVisible()) await page.getByTestId('cancel').tap();
  await page.getByTestId('screen-idle').waitFor();
  return page;
}
