/**
 * Issue 24, "printed means printed": the real ESC/POS driver prints to the real virtual printer
 * (TCP 9100 simulator) through a proxy that cuts or stalls the link. A slip counts as printed
 * only when the printer confirmed it; a broken link is a typed error, never a success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpFaultProxy, type TcpFaultProxy } from '@kiosk/test-fixtures/net';
import {
  startVirtualPrinter,
  type VirtualPrinter,
  type VirtualPrinterOptions,
} from '@kiosk/test-fixtures/printer';
import { ReceiptPrinter, type ReceiptPrinterOptions } from '../src/device/receipt-printer';
import { loadProfile } from '../src/profile/load-profile';
import type { PrinterProfile } from '../src/profile/printer-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../src/receipt/standard-slip';
import { renderReceipt } from '../src/render/render-receipt';
import { createTransport } from '../src/transport/open-transport';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

async function setup(
  profile: PrinterProfile,
  printerOptions: ReceiptPrinterOptions = {},
  vpOptions: VirtualPrinterOptions = {},
): Promise<{ vp: VirtualPrinter; proxy: TcpFaultProxy; printer: ReceiptPrinter }> {
  const vp = await startVirtualPrinter({ tcpPort: 0, ...vpOptions });
  opened.push(vp);
  const proxy = await startTcpFaultProxy({ target: { host: '127.0.0.1', port: vp.port ?? 0 } });
  opened.push(proxy);
  const printer = new ReceiptPrinter(
    createTransport(`tcp://127.0.0.1:${proxy.port}`),
    profile,
    printerOptions,
  );
  opened.push(printer);
  return { vp, proxy, printer };
}

const slipOf = (profile: PrinterProfile) =>
  renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
/** Slips that came out whole: the QR at the end arrived, and nothing while it could not print. */
const wholeSlips = (vp: VirtualPrinter) =>
  vp.receipts.filter((r) => r.qrCodes.length > 0 && !r.incomplete);

/** Ends the connection, so a printer without a cutter ends its slip too. */
async function slipsOut(vp: VirtualPrinter, printer: ReceiptPrinter) {
  await printer.close();
  await vp.waitForNoConnection();
  return wholeSlips(vp);
}

describe.each(['epson-80mm-tcvn3', 'custom-kiosk-80mm', 'generic-58mm-raster'])(
  'printing %s through a faulty link',
  (profileName) => {
    const profile = loadProfile(profileName);

    it('a normal print is confirmed by the printer and the slip comes out whole', async () => {
      const { vp, printer } = await setup(profile);
      const { escpos, boundaries } = slipOf(profile);
      const result = await printer.print(escpos, { jobId: 'G01-1', boundaries });
      expect(result).toMatchObject({ jobId: 'G01-1', alreadyPrinted: false });
      expect(result.confirmedBy).toBe(profile.status.processId ? 'process-id' : 'status');
      expect(await slipsOut(vp, printer)).toHaveLength(1);
    });

    it('link cut after 100 bytes: PRINTER_LINK_LOST, no slip; the retry prints one whole slip', async () => {
      const { vp, proxy, printer } = await setup(profile, { statusTimeoutMs: 30_000 });
      await printer.status();
      const { escpos, boundaries } = slipOf(profile);
      proxy.cutAfter(100);
      await expect(printer.print(escpos, { jobId: 'G01-2', boundaries })).rejects.toMatchObject({
        code: 'PRINTER_LINK_LOST',
      });
      expect(await proxy.triggered).toBe('cut');
      await vp.waitForNoConnection();
      expect(wholeSlips(vp)).toEqual([]);

      const retry = await printer.print(escpos, { jobId: 'G01-2', boundaries });
      expect(retry.alreadyPrinted).toBe(false);
      expect(await slipsOut(vp, printer)).toHaveLength(1);
    });

    it('link stalled after 100 bytes: PRINTER_NOT_CONFIRMED after the status deadline, no slip', async () => {
      const { vp, proxy, printer } = await setup(profile, {
        statusTimeoutMs: 300,
        confirmTimeoutMs: 300,
      });
      await printer.status();
      const { escpos, boundaries } = slipOf(profile);
      proxy.stallAfter(100);
      await expect(printer.print(escpos, { jobId: 'G01-3', boundaries })).rejects.toMatchObject({
        code: 'PRINTER_NOT_CONFIRMED',
      });
      expect(wholeSlips(vp)).toEqual([]);
    });
  },
);

describe('the printer-side job id (Epson process ID, GS ( H fn 48)', () => {
  const profile = loadProfile('epson-80mm-tcvn3');

  it('the link breaks after the slip arrived but before it was confirmed: the retry prints no second slip', async () => {
    const { vp, proxy, printer } = await setup(
      profile,
      { statusTimeoutMs: 30_000, confirmTimeoutMs: 30_000 },
      { holdCompletion: true },
    );
    const { escpos, boundaries } = slipOf(profile);
    const printing = printer.print(escpos, { jobId: 'G01-4', boundaries });
    const outcome = printing.then(
      () => 'printed',
      (e: unknown) => (e as { code?: string }).code,
    );
    await vp.waitForReceipt(0);
    proxy.cutNow();
    expect(await outcome).toBe('PRINTER_LINK_LOST');
    // The printer finishes the slip with nobody connected: it keeps the process ID response
    // and sends it when the host connects again.
    await vp.waitForNoConnection();
    vp.completePrinting();
    const retry = await printer.print(escpos, { jobId: 'G01-4', boundaries });
    expect(retry).toMatchObject({ alreadyPrinted: true, confirmedBy: 'process-id' });
    expect(await slipsOut(vp, printer)).toHaveLength(1);
    expect(vp.receipts).toHaveLength(1);
  });
});
