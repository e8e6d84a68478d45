/**
 * The technician's device screen end to end, on the real drivers: `kiosk serve --demo` with
 * pcscd + vpcd (slot 35964, "Virtual PCD 00 01", the virtual CCCD) and the virtual ESC/POS
 * printer, in Debian's Chromium. The technician signs in, assigns the card reader and the
 * printer by choosing them in the panel, runs a test print and a test card read (the card placed
 * while the test waits, which the citizen journey never sees), sees a cancelled test reported
 * with the screen still usable, and finds all of it in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { TestClient } from '../core-harness';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { printedSlipText } from './citizen-steps';
import { launchChromium, kioskPage } from './chromium';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';

const READER = 'Virtual PCD 00 01';
const PRINTER = 'demo:virtual-printer';

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

async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
}

/** The demo's technician (README) signs in through the hidden entry (hold the title). */
async function firstTechnician(page: Page): Promise<void> {
  await page.getByTestId('app-title').dispatchEvent('pointerdown');
  await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
  await page.getByTestId('sign-in-role-technician').tap();
  await page.getByTestId('sign-in-user').fill(DEMO_TECHNICIAN.user);
  await enterPin(page, DEMO_TECHNICIAN.pin);
  await page.getByTestId('sign-in-submit').tap();
  await page.getByTestId('screen-technician').waitFor();
}

async function messageText(page: Page): Promise<string> {
  return (await page.getByTestId('devices-message').textContent()) ?? '';
}

/** The kiosk's log lines with this event, as parsed JSON. */
function logged(event: string): Record<string, unknown>[] {
  return kiosk.logLines
    .filter((l) => l.includes(`"event":"${event}"`))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('technician device setup on the real drivers', () => {
  it('assigns reader and printer, test-prints, test-reads the card, and audits it all', async () => {
    expect(
      kiosk.logLines.some(
        (l) => l.includes('"event":"demo.devices"') && l.includes('"card":"pcsc"'),
      ),
    ).toBe(true);
    const page = await kioskPage(browser, kiosk.url);
    await firstTechnician(page);
    await page.getByTestId('panel-devices').waitFor();
    await page.getByTestId(`device-pcsc:${READER}`).waitFor();
    await page.getByTestId(`device-printer:${PRINTER}`).waitFor();

    // Assign the virtual card reader by choosing it.
    await page.getByTestId('assign-cardReader-device').selectOption(READER);
    await page.getByTestId('assign-cardReader-submit').tap();
    await expect.poll(() => messageText(page)).toContain(READER);
    expect(await page.getByTestId('devices-message').getAttribute('role')).toBe('status');
    expect(await page.getByTestId(`device-pcsc:${READER}`).getAttribute('data-assigned')).toBe(
      'cardReader',
    );

    // Assign the virtual printer with its profile.
    await page.getByTestId('assign-receiptPrinter-device').selectOption(PRINTER);
    await page.getByTestId('assign-receiptPrinter-profile').selectOption('epson-80mm-tcvn3');
    await page.getByTestId('assign-receiptPrinter-submit').tap();
    await expect.poll(() => messageText(page)).toContain(PRINTER);
    expect(await page.getByTestId(`device-printer:${PRINTER}`).getAttribute('data-assigned')).toBe(
      'receiptPrinter',
    );

    // Test print: the virtual printer decodes the test slip; the screen shows the status.
    await page.getByTestId('test-print').tap();
    await page.getByTestId('printer-status').waitFor();
    expect(await page.getByTestId('printer-status').getAttribute('data-paper')).toBe('ok');
    const slip = await printedSlipText(kiosk.dataDir, (text) => text.includes('BẢN IN THỬ'));
    expect(slip).toContain('BẢN IN THỬ');

    // The test waits for the card, saying where to place it; cancelled, it says so and the
    // screen stays usable.
    await page.getByTestId('test-card-read').tap();
    await expect.poll(() => page.getByTestId('card-test-waiting').textContent()).toContain(READER);
    await expect.poll(() => logged('devices.cardTest.armed').length).toBe(1);
    await page.getByTestId('test-card-cancel').tap();
    await expect.poll(() => messageText(page)).toContain('test cancelled');
    expect(await page.getByTestId('devices-message').getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('card-test-waiting').count()).toBe(0);
    expect(await page.getByTestId('test-card-read').isEnabled()).toBe(true);

    // The card placed (as a citizen would) while the test waits goes to the test only: it reads
    // it with the MRZ the demo's document reader presents, and the journey stays at idle.
    const citizen = await TestClient.connect({
      url: kiosk.url.replace(/\/$/, ''),
      token: await kiosk.token(),
    });
    const stepsBefore = logged('journey.step').length;
    await page.getByTestId('test-card-read').tap();
    await expect.poll(() => logged('devices.cardTest.armed').length).toBe(2);
    expect(logged('devices.cardTest.armed')[1]).toMatchObject({ reader: READER, card: 'none' });
    await citizen.request({ type: 'demo.placeCard', citizenIndex: 3 });
    await page.getByTestId('card-test-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('card-test-result').getAttribute('data-pa')).toBe('valid');
    expect(await page.getByTestId('card-field-personalId').textContent()).toContain(
      syntheticCitizen(3).personalId,
    );
    expect(await page.getByTestId('card-field-photo').textContent()).toContain('Có');
    // The journey heard nothing: no step change, every view the citizen screen got is idle.
    expect(logged('journey.step').slice(stepsBefore)).toEqual([]);
    const steps = citizen.received.flatMap((m) => (m.type === 'journey' ? [m.view.step] : []));
    expect(steps.filter((step) => step !== 'idle')).toEqual([]);
    await citizen.request({ type: 'demo.removeCard' });
    citizen.close();

    // The audit tab shows the assignments and the tests, by this technician.
    await page.getByTestId('tab-audit').tap();
    for (const action of ['devices.assign', 'devices.testPrint', 'devices.testCardRead']) {
      await page
        .locator(
          `[data-testid="audit-row"][data-action="${action}"][data-actor="technician:kythuat"]`,
        )
        .first()
        .waitFor();
    }
    const auditText = (await page.getByTestId('panel-audit').textContent()) ?? '';
    expect(auditText).toContain(`cardReader:${READER}`);
    expect(auditText).not.toContain(syntheticCitizen(3).personalId);
    await page.close();
  });
});
