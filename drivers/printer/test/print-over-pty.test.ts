import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPtyPair,
  startVirtualPrinter,
  type PtyPair,
  type VirtualPrinter,
  type VirtualPrinterOptions,
} from '@kiosk/test-fixtures/printer';
import { ReceiptPrinter } from '../src/device/receipt-printer';
import { loadProfile } from '../src/profile/load-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../src/receipt/standard-slip';
import { renderReceipt } from '../src/render/render-receipt';
import { createTransport } from '../src/transport/open-transport';
import { afterDataWrite, inspectPng, nextStatus, tempDir } from './helpers';

/**
 * The serial path: a socat pty pair stands in for the RS-232 cable (needs the Debian package
 * socat). The driver opens `serial:<host end>`, the virtual printer serves the other end.
 */
let pty: PtyPair;
let vp: VirtualPrinter;
let printer: ReceiptPrinter | undefined;
const tcvn3 = loadProfile('epson-80mm-tcvn3');

beforeEach(async () => {
  pty = await createPtyPair(tempDir('printer-pty'));
});

afterEach(async () => {
  await printer?.close();
  printer = undefined;
  await vp.close();
  await pty.close();
});

async function start(state?: VirtualPrinterOptions['state']): Promise<string> {
  vp = await startVirtualPrinter({ ptyPath: pty.printerPath, outDir: tempDir('vp-pty'), state });
  return `serial:${pty.hostPath}?baud=115200`;
}

describe('printing over a serial line (pty pair) to the virtual printer', () => {
  it('reads status and prints the standard slip; every diacritic comes back', async () => {
    const uri = await start();
    printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    expect(await printer.status()).toMatchObject({ online: true, paper: 'ok' });
    const rendered = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await printer.print(rendered.escpos, { boundaries: rendered.boundaries });
    const receipt = await vp.waitForReceipt(0);
    expect(receipt.via).toBe('pty');
    expect(receipt.lines.map((l) => l.text)).toEqual(
      rendered.plan.ops.flatMap((op) => (op.op === 'text' ? [op.line] : [])),
    );
    expect(inspectPng(receipt.png).qr).toBe(STANDARD_SLIP.statusLookupUrl);
  });

  it('detects paper out before printing', async () => {
    const uri = await start({ paper: 'out' });
    printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    const { escpos } = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await expect(printer.print(escpos)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
  });

  it('detects the cover opened during printing', async () => {
    const uri = await start();
    const ref: { printer?: ReceiptPrinter } = {};
    const transport = afterDataWrite(createTransport(uri), 1, async () => {
      const seen = nextStatus(ref.printer as ReceiptPrinter, 'cover-open');
      vp.setState({ coverOpen: true });
      await seen;
    });
    const p = new ReceiptPrinter(transport, tcvn3, { chunkBytes: 256 });
    ref.printer = p;
    printer = p;
    const { escpos, boundaries } = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await expect(p.print(escpos, { boundaries })).rejects.toMatchObject({
      code: 'PRINTER_COVER_OPEN',
    });
  });
});
