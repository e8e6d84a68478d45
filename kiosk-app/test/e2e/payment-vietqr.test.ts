/**
 * Issue 17, "done when": a citizen pays a fee by scanning the VietQR. The kiosk's demo runs with
 * the centre's account from a configuration file and the payment platform simulator. The test
 * reads the QR from a screenshot of the payment screen with jsQR, as a phone's camera would, and
 * checks the EMV fields and the CRC with a reading written here (not the kiosk's codec), then pays
 * through the simulator's HTTP API and reads the printed slip. Paying later at the counter prints
 * the slip as not paid.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, kioskPage } from './chromium';
import { fillMissing, printedSlipText, reachReview } from './citizen-steps';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

/** The centre's account as the configuration gives it (fictitious account number). */
const ACCOUNT = { acquirerBin: '970436', accountNumber: '0071000999888' };
/** Đăng ký thường trú: 20.000 đồng, paid at submission (Thông tư 75/2022/TT-BTC). */
const PERMANENT_RESIDENCE = '1.004222';
const FEE_VND = 20_000;

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  const configFile = join(mkdtempSync(join(tmpdir(), 'kiosk-payment-config-')), 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ payment: ACCOUNT }));
  kiosk = await startKioskProcess({ extraArgs: ['--config', configFile] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** EMV QRCPS data objects: two-digit ID, two-digit length, value (EMV QRCPS-MPM §4.7). */
function readDataObjects(text: string): Map<string, string> {
  const objects = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || at + 4 + length > text.length) {
      throw new Error(`malformed data object at ${at}`);
    }
    objects.set(id, text.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return objects;
}

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The payment screen as a photo: a PNG screenshot, read by jsQR. */
async function scanPaymentScreen(page: Page): Promise<string> {
  await page.getByTestId('payment-qr').waitFor();
  await page.getByTestId('payment-qr').evaluate((img: HTMLImageElement) => img.decode());
  const png = PNG.sync.read(await page.screenshot());
  const found = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code in the screenshot of the payment screen');
  return found.data;
}

/** The demo's payment platform simulator, from the services line the demo logs at start. */
function platformUrl(path: string): string {
  const line = kiosk.logLines.find((l) => l.includes('"event":"demo.services"')) ?? '';
  const url = /"paymentPlatform":"([^"]+)"/.exec(line)?.[1];
  if (!url) throw new Error('the demo did not log its payment platform');
  return new URL(path, url).toString();
}

/** From the idle screen to the payment screen of a đăng ký thường trú dossier. */
async function reachPaymentScreen(page: Page, cardIndex: number): Promise<void> {
  await reachReview(page, cardIndex, 'thuong tru', PERMANENT_RESIDENCE);
  await fillMissing(page);
  await page.getByTestId('screen-confirming').waitFor();
  await page.getByTestId('confirm-submit').tap();
  await page.getByTestId('screen-payingFee').waitFor();
}

describe('paying the fee by VietQR', () => {
  it('the scanned QR carries the NAPAS fields, the dossier code and a valid CRC; paying prints "Đã thanh toán"', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await reachPaymentScreen(page, 0);
    const payload = await scanPaymentScreen(page);
    expect(await page.getByTestId('payment-amount').textContent()).toBe('20.000 đ');
    expect(await page.getByTestId('payment-countdown').textContent()).toMatch(/^\d+:\d{2}$/);

    // The CRC covers everything up to and including "6304", and ends the payload.
    const crcAt = payload.length - 8;
    expect(payload.slice(crcAt, crcAt + 4)).toBe('6304');
    expect(payload.slice(crcAt + 4)).toBe(crc16CcittFalse(payload.slice(0, crcAt + 4)));
    const root = readDataObjects(payload);
    expect([...root.keys()].at(-1)).toBe('63');
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12'); // dynamic: one transaction, with its amount
    const napas = readDataObjects(root.get('38') ?? '');
    expect(napas.get('00')).toBe('A000000727');
    expect(napas.get('02')).toBe('QRIBFTTA');
    const beneficiary = readDataObjects(napas.get('01') ?? '');
    expect(beneficiary.get('00')).toBe(ACCOUNT.acquirerBin);
    expect(beneficiary.get('01')).toBe(ACCOUNT.accountNumber);
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe(String(FEE_VND));
    expect(root.get('58')).toBe('VN');
    const dossierCode = readDataObjects(root.get('62') ?? '').get('08') ?? '';
    expect(dossierCode).toMatch(/^[\w.]+-\d{6}-\d{4}$/);
    expect(await page.getByTestId('payment-purpose').textContent()).toBe(dossierCode);

    // The bank's side: the transaction the kiosk opened for this dossier, paid.
    const transactions = (await (
      await fetch(platformUrl(`/api/transactions?dossierCode=${dossierCode}`))
    ).json()) as { transactionId: string; amountVnd: number }[];
    expect(transactions).toHaveLength(1);
    expect(transactions[0]?.amountVnd).toBe(FEE_VND);
    const paid = await fetch(
      platformUrl(`/api/transactions/${transactions[0]?.transactionId ?? ''}/pay`),
      { method: 'POST' },
    );
    expect(await paid.json()).toEqual({ kioskStatus: 200 });

    await page.getByTestId('screen-done').waitFor();
    expect(await page.getByTestId('dossier-code').textContent()).toBe(dossierCode);
    const slip = await printedSlipText(kiosk.dataDir, (text) => text.includes(dossierCode));
    expect(slip).toContain('Đã thanh toán');
    expect(slip).not.toContain('Chưa thanh toán');
    await page.close();
  });

  it('"Thanh toán sau tại quầy" prints the slip with "Chưa thanh toán"', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await reachPaymentScreen(page, 1);
    await page.getByTestId('pay-later').tap();
    await page.getByTestId('screen-done').waitFor();
    const dossierCode = (await page.getByTestId('dossier-code').textContent()) ?? '';
    const slip = await printedSlipText(kiosk.dataDir, (text) => text.includes(dossierCode));
    expect(slip).toContain('Chưa thanh toán');
    expect(slip).not.toContain('Đã thanh toán');
    await page.close();
  });
});
