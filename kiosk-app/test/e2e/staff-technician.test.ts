/**
 * Staff and technician modes end to end: `kiosk serve --demo` as a real process and Debian's
 * Chromium. The demo's technician signs in, runs a test print and creates a staff
 * account; a citizen journey (over the API) leaves a receipt, which the staff member finds,
 * previews and reprints; the audit log shows both; a citizen session reaches neither screen.
 */
import { printedSlipText } from './citizen-steps';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TestClient } from '../core-harness';
import { kioskPage } from './chromium';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';
import { demoJourneyToReceipt } from '../form-answers';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** A citizen journey over the API (the browser journey has its own test): returns the code. */
async function citizenLeavesReceipt(): Promise<string> {
  const client = await TestClient.connect({
    url: shell.kiosk.url.replace(/\/$/, ''),
    token: await shell.kiosk.token(),
  });
  const code = await demoJourneyToReceipt(client, 3);
  client.close();
  return code;
}

/** The hidden entry: hold the header title for three seconds (README, "Staff and technician access"). */
async function openSignIn(page: Page): Promise<void> {
  await page.getByTestId('app-title').dispatchEvent('pointerdown');
  await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
}

async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
}

async function signIn(page: Page, role: 'staff' | 'technician', user: string, pin: string) {
  await openSignIn(page);
  await page.getByTestId(`sign-in-role-${role}`).tap();
  await page.getByTestId('sign-in-user').fill(user);
  await enterPin(page, pin);
  await page.getByTestId('sign-in-submit').tap();
}

describe('staff and technician modes in the browser shell', () => {
  it('the demo technician runs a test print and creates a staff account', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    // The demo starts with its documented technician (a real kiosk: `kiosk setup`).
    await signIn(page, 'technician', DEMO_TECHNICIAN.user, DEMO_TECHNICIAN.pin);
    await page.getByTestId('screen-technician').waitFor();

    await page.getByTestId('test-print').tap();
    await page.getByTestId('devices-message').waitFor();
    expect(await page.getByTestId('devices-message').getAttribute('role')).toBe('status');
    const slip = await printedSlipText(shell.kiosk.dataDir, (text) => text.includes('BẢN IN THỬ'));
    expect(slip).toContain('BẢN IN THỬ');

    await page.getByTestId('tab-health').tap();
    await expect
      .poll(async () => (await page.getByTestId('health-json').textContent()) ?? '')
      .toContain('"outbox"');

    await page.getByTestId('tab-accounts').tap();
    await page.getByTestId('account-role-staff').tap();
    await page.getByTestId('account-user').fill('lan');
    await enterPin(page, '482913');
    await page.getByTestId('account-create').tap();
    await page.getByTestId('account-message').waitFor();
    expect(await page.getByTestId('account-message').getAttribute('role')).toBe('status');

    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('staff find a citizen receipt, preview it and reprint it; the audit log shows both', async () => {
    const code = await citizenLeavesReceipt();
    expect(code).toMatch(/^H01-\d{6}-1\d{3}$/);
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await signIn(page, 'staff', 'lan', '482913');
    await page.getByTestId('screen-staff').waitFor();

    await page.getByTestId('find-dossierCode').fill(code);
    await page.getByTestId('find-submit').tap();
    await page.getByTestId(`receipt-row-${code}`).waitFor();
    await page.getByTestId(`preview-${code}`).tap();
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('receipt-preview').textContent()).toContain(code);
    await page.getByTestId(`reprint-${code}`).tap();
    await page.getByTestId('receipts-message').waitFor();
    expect(await page.getByTestId('receipts-message').textContent()).toContain(code);
    const reprint = await printedSlipText(
      shell.kiosk.dataDir,
      (text) => text.includes(code) && text.includes('BẢN IN LẠI'),
    );
    expect(reprint).toContain(code);

    await page.getByTestId('tab-audit').tap();
    await page
      .locator('[data-testid="audit-row"][data-action="receipts.reprint"]')
      .first()
      .waitFor();
    expect(
      await page
        .locator(
          '[data-testid="audit-row"][data-action="receipts.reprint"][data-actor="staff:lan"]',
        )
        .count(),
    ).toBeGreaterThan(0);
    expect(
      await page
        .locator(
          '[data-testid="audit-row"][data-action="devices.testPrint"][data-actor="technician:kythuat"]',
        )
        .count(),
    ).toBeGreaterThan(0);

    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('a citizen session reaches neither screen: a wrong PIN is refused and the core says FORBIDDEN', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await signIn(page, 'staff', 'lan', '000000');
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('screen-staff').count()).toBe(0);
    await page.getByTestId('sign-in-close').tap();
    await page.getByTestId('screen-idle').waitFor();
    expect(await page.getByTestId('screen-technician').count()).toBe(0);

    // The page's own citizen connection (its cookie) asking for staff and technician powers.
    const codes = await page.evaluate(async () => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
      const ask = (id: number, body: Record<string, unknown>) =>
        new Promise<string>((resolve) => {
          ws.addEventListener('message', function listen(event) {
            const m = JSON.parse(String(event.data)) as {
              type: string;
              id?: number;
              ok?: boolean;
              error?: { code: string };
            };
            if (m.type !== 'reply' || m.id !== id) return;
            ws.removeEventListener('message', listen);
            resolve(m.ok ? 'OK' : (m.error?.code ?? '?'));
          });
          ws.send(JSON.stringify({ ...body, id }));
        });
      const out = [
        await ask(1, { type: 'receipts.reprint', dossierCode: 'H01-000000-1000' }),
        await ask(2, { type: 'devices.testPrint' }),
        await ask(3, { type: 'audit.recent' }),
      ];
      ws.close();
      return out;
    });
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    await page.close();
  });
});
