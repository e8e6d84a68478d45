/**
 * Issue 18, "Done when": a counter procedure gets a queue number, on screen and on the printed
 * phiếu; "Lấy số thứ tự" issues a number alone on a small printed ticket; with the queue system
 * down the kiosk's own K1- numbers are issued and the technician is warned. `kiosk serve --demo`
 * as a real process (its queue system simulator over HTTP, the virtual ESC/POS printer decoding
 * what it receives), Debian's Chromium driven by Playwright.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kioskPage } from './chromium';
import { completeJourney, finishSkippingRating, printedSlipText } from './citizen-steps';
import { signInTechnician } from './technician-steps';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** Idle → "Lấy số thứ tự" → a counter group → the number on screen. */
async function takeNumber(page: Page, group: string): Promise<string> {
  await page.getByTestId('open-take-number').tap();
  await page.getByTestId('screen-takingNumber').waitFor();
  await page.getByTestId(`counter-group-${group}`).tap();
  await page.getByTestId('queue-ticket').waitFor();
  return (await page.getByTestId('ticket-number').textContent()) ?? '';
}

describe('counter queue numbers', () => {
  it('a counter procedure: the number of its field’s counters on screen and on the phiếu', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    // Đăng ký thường trú: received at the counter, field "Đăng ký, quản lý cư trú" → CTR.
    const dossier = await completeJourney(page, 0);
    const number = (await page.getByTestId('queue-number').textContent()) ?? '';
    expect(number).toMatch(/^CTR\d{4}$/);
    expect(await page.getByTestId('queue-counter').textContent()).toContain('Cư trú - Quầy 4, 5');
    const slip = await printedSlipText(shell.kiosk.dataDir, (t) => t.includes(dossier));
    expect(slip).toContain('PHIẾU NỘP HỒ SƠ');
    expect(slip).toContain(`Số thứ tự tại quầy: ${number}`);
    expect(slip).toContain('Quầy: Cư trú - Quầy 4, 5');
    await finishSkippingRating(page);
    await page.close();
  });

  it('Lấy số thứ tự: pick a field, the number on screen and on a small ticket, back to idle', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    // Back from the choice is one tap to the idle screen.
    await page.getByTestId('open-take-number').tap();
    await page.getByTestId('take-number-back').tap();
    await page.getByTestId('screen-idle').waitFor();

    const first = await takeNumber(page, 'HT');
    expect(first).toMatch(/^HT\d{4}$/);
    expect(await page.getByTestId('ticket-group').textContent()).toContain('Hộ tịch');
    expect(await page.getByTestId('ticket-printed').textContent()).toContain('nhận phiếu');
    const ticket = await printedSlipText(
      shell.kiosk.dataDir,
      (t) => t.includes('PHIẾU SỐ THỨ TỰ') && t.includes(first),
    );
    expect(ticket).toContain('Hộ tịch');
    expect(ticket).toContain('Quầy: Quầy 1, 2');
    // No dossier, no personal data on the ticket.
    expect(ticket).not.toContain('Mã hồ sơ');
    await page.getByTestId('finish').tap();
    await page.getByTestId('screen-idle').waitFor();

    // The next citizen gets the next number of the same group.
    const second = await takeNumber(page, 'HT');
    expect(Number(second.slice(2))).toBe(Number(first.slice(2)) + 1);
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});

describe('the queue system down', () => {
  let down: KioskProcess;

  beforeAll(async () => {
    down = await startKioskProcess({ env: { KIOSK_DEMO_QUEUE: 'down' } });
  });

  afterAll(async () => {
    await down?.stop();
  });

  it("issues the kiosk's own K1- numbers, printed, and warns the technician", async () => {
    const page = await kioskPage(shell.browser, down.url);
    expect(await takeNumber(page, 'CT')).toBe('K1-CT001');
    const ticket = await printedSlipText(down.dataDir, (t) => t.includes('K1-CT001'));
    expect(ticket).toContain('PHIẾU SỐ THỨ TỰ');
    await page.getByTestId('finish').tap();
    await page.getByTestId('screen-idle').waitFor();
    const warning = down.logLines.find((l) => l.includes('"event":"queue.system.down"')) ?? '';
    expect(warning).toContain('"level":"warn"');
    expect(warning).toContain('the kiosk issues its own numbers (K1-');
    // The technician's health tab says so, with the reason in plain English.
    await signInTechnician(page);
    await page.getByTestId('tab-health').tap();
    const row = page.getByTestId('health-queue-system');
    await row.waitFor();
    expect(await row.textContent()).toContain('Mất kết nối');
    expect(await row.textContent()).toContain('ECONNREFUSED');
    await page.close();
  });
});
