import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { launchChromium } from './chromium';

/** The kiosk as a real process and Debian's Chromium, shared by the tests of one file. */
export interface KioskInChromium {
  readonly kiosk: KioskProcess;
  readonly browser: Browser;
}

/**
 * Starts `kiosk serve --demo` and Chromium before the file's tests and stops both after them.
 * Call it at the top level of a test file; read `kiosk` and `browser` inside the tests.
 */
export function kioskInChromium(
  options?: Parameters<typeof startKioskProcess>[0],
  chromiumArgs?: string[],
): KioskInChromium {
  let kiosk: KioskProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    kiosk = await startKioskProcess(options);
    browser = await launchChromium(chromiumArgs);
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is started in beforeAll; read it in a test`);
    return value;
  };
  return {
    get kiosk() {
      return started(kiosk, 'the kiosk');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}
