/**
 * `kiosk serve --demo` as `npm start` runs it on a machine with pcscd: the card is the virtual
 * CCCD on vpcd, read by the chip driver over PC/SC; the receipt goes through the ESC/POS driver
 * to the virtual printer; registry and portal are the HTTP simulators. A citizen taps through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { launchChromium, kioskPage } from './chromium';
import { completeJourney } from './citizen-steps';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess({
    env: { KIOSK_DEMO_CARD: 'auto', KIOSK_DEMO_VPCD_PORT: '35964' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('demo on the real drivers', () => {
  it('reads the virtual card over PC/SC and prints through the ESC/POS driver', async () => {
    expect(
      kiosk.logLines.some(
        (l) => l.includes('"event":"demo.devices"') && l.includes('"card":"pcsc"'),
      ),
    ).toBe(true);
    const page = await kioskPage(browser, kiosk.url);
    const code = await completeJourney(page, 3);
    expect(code).toMatch(/^H01-\d{6}-1\d{3}$/);
    expect(await page.getByTestId('receipt').textContent()).toContain(syntheticCitizen(3).fullName);
    // The chip's fields are marked as coming from the chip, read over PC/SC.
    const read = kiosk.logLines.find((l) => l.includes('"event":"identity.read"'));
    expect(read).toContain('"method":"chip"');
    await page.close();
  });
});
