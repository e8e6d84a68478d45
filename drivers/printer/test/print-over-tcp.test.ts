import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startVirtualPrinter,
  type VirtualPrinter,
  type VirtualPrinterOptions,
} from '@kiosk/test-fixtures/printer';
import { ReceiptPrinter } from '../src/device/receipt-printer';
import { loadProfile } from '../src/profile/load-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../src/receipt/standard-slip';
import { renderReceipt } from '../src/render/render-receipt';
import { createTransport } from '../src/transport/open-transport';
import { allVietnameseLetters } from '../src/encoding/vietnamese-letters';
import { afterDataWrite, inspectPng, nextStatus, tempDir } from './helpers';

const tcvn3 = loadProfile('epson-80mm-tcvn3');
const opened: { close(): Promise<void> }[] = [];

async function setup(
  state?: VirtualPrinterOptions['state'],
): Promise<{ vp: VirtualPrinter; uri: string }> {
  const vp = await startVirtualPrinter({ tcpPort: 0, outDir: tempDir('vp-tcp'), state });
  opened.push(vp);
  return { vp, uri: `tcp://127.0.0.1:${vp.port}` };
}

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

describe('printing over TCP 9100 to the virtual printer', () => {
  it('reads status, prints the standard TCVN-3 slip, and the text decodes back exactly', async () => {
    const { vp, uri } = await setup();
    const printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    opened.push(printer);
    expect(await printer.status()).toMatchObject({ online: true, paper: 'ok', coverOpen: false });
    const rendered = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    const result = await printer.print(rendered.escpos, { jobId: STANDARD_SLIP.dossierCode });
    expect(result.alreadyPrinted).toBe(false);
    const receipt = await vp.waitForReceipt(0);
    const expected = rendered.plan.ops.flatMap((op) => (op.op === 'text' ? [op.line] : []));
    expect(receipt.lines.map((l) => l.text)).toEqual(expected);
    expect(receipt.lines.map((l) => l.text).join('\n')).toContain('Người nộp: ĐẶNG THỊ NGỌC ÁNH');
    expect(receipt.qrCodes.map((q) => q.payload)).toEqual([STANDARD_SLIP.statusLookupUrl]);
    expect(receipt.cuts).toBe(1);
    expect(receipt.incomplete).toBe(false);
    // both PNGs carry the decodable QR and many rows of text
    const printed = inspectPng(receipt.png);
    const preview = inspectPng(rendered.previewPng);
    expect(printed.qr).toBe(STANDARD_SLIP.statusLookupUrl);
    expect(preview.qr).toBe(STANDARD_SLIP.statusLookupUrl);
    expect(printed.inkRows).toBeGreaterThan(300);
    // the preview is what was printed: the virtual printer draws the same paper, dot for dot
    expect(receipt.png.equals(rendered.previewPng)).toBe(true);
  });

  it('every Vietnamese letter with every tone, both cases, Đ included, decodes back exactly', async () => {
    const { vp, uri } = await setup();
    const printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    opened.push(printer);
    const letters = allVietnameseLetters().join(' ');
    const slip = { ...STANDARD_SLIP, procedureName: letters };
    const rendered = renderReceipt(slip, tcvn3, STANDARD_TEMPLATE);
    expect(rendered.substituted).toEqual([]);
    await printer.print(rendered.escpos, { boundaries: rendered.boundaries });
    const receipt = await vp.waitForReceipt(0);
    const text = receipt.lines.map((l) => l.text).join(' ');
    expect(text).toContain(`Thủ tục: ${letters}`);
  });

  it('prints a raster slip; the raster bands arrive dot for dot', async () => {
    const { vp, uri } = await setup();
    const profile = loadProfile('custom-kiosk-80mm');
    const printer = new ReceiptPrinter(createTransport(uri), profile);
    opened.push(printer);
    const rendered = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    await printer.print(rendered.escpos);
    const receipt = await vp.waitForReceipt(0);
    const bands = rendered.plan.ops.flatMap((op) => (op.op === 'bitmap' ? [op.bitmap] : []));
    expect(receipt.images.map((i) => Buffer.from(i.ink).toString('base64'))).toEqual(
      bands.map((b) => Buffer.from(b.ink).toString('base64')),
    );
    const png = inspectPng(receipt.png);
    expect(png.qr).toBe(STANDARD_SLIP.statusLookupUrl);
    expect(png.inkRows).toBeGreaterThan(300);
    expect(receipt.png.equals(rendered.previewPng)).toBe(true);
  });

  it('detects paper out before printing and sends nothing', async () => {
    const { vp, uri } = await setup({ paper: 'out' });
    const printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    opened.push(printer);
    const { escpos } = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await expect(printer.print(escpos)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    await printer.close();
    await vp.close();
    expect(vp.receipts).toEqual([]);
  });

  it('detects cover open before printing', async () => {
    const { uri } = await setup({ coverOpen: true });
    const printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    opened.push(printer);
    const { escpos } = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await expect(printer.print(escpos)).rejects.toMatchObject({ code: 'PRINTER_COVER_OPEN' });
  });

  it('detects the cover opened during printing (ASB) and stops; the retry prints it whole', async () => {
    const { vp, uri } = await setup();
    const profile = loadProfile('custom-kiosk-80mm');
    const ref: { printer?: ReceiptPrinter } = {};
    const transport = afterDataWrite(createTransport(uri), 2, async () => {
      const seen = nextStatus(ref.printer as ReceiptPrinter, 'cover-open');
      vp.setState({ coverOpen: true });
      await seen;
    });
    const printer = new ReceiptPrinter(transport, profile, { chunkBytes: 2048 });
    ref.printer = printer;
    opened.push(printer);
    const { escpos, boundaries } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    await expect(printer.print(escpos, { jobId: 'job-1', boundaries })).rejects.toMatchObject({
      code: 'PRINTER_COVER_OPEN',
    });
    expect(transport.dataWrites).toBe(2);
    vp.setState({ coverOpen: false });
    await printer.status();
    const retry = await printer.print(escpos, { jobId: 'job-1', boundaries });
    expect(retry.alreadyPrinted).toBe(false);
    // the stopped part is cut off on its own; the retry is a whole receipt
    const partial = await vp.waitForReceipt(0);
    expect(partial.qrCodes).toEqual([]);
    expect(partial.images.length).toBeGreaterThan(0);
    const whole = await vp.waitForReceipt(1);
    expect(whole.incomplete).toBe(false);
    expect(whole.qrCodes.map((q) => q.payload)).toEqual([STANDARD_SLIP.statusLookupUrl]);
  });

  it('detects paper running out during printing', async () => {
    const { vp, uri } = await setup();
    const ref: { printer?: ReceiptPrinter } = {};
    const transport = afterDataWrite(createTransport(uri), 1, async () => {
      const seen = nextStatus(ref.printer as ReceiptPrinter, 'paper-out');
      vp.setState({ paper: 'out' });
      await seen;
    });
    const printer = new ReceiptPrinter(transport, tcvn3, { chunkBytes: 256 });
    ref.printer = printer;
    opened.push(printer);
    const { escpos } = renderReceipt(STANDARD_SLIP, tcvn3, STANDARD_TEMPLATE);
    await expect(printer.print(escpos)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
  });

  it('reconnects when the printer comes back (restarted on the same port)', async () => {
    const first = await startVirtualPrinter({ tcpPort: 0 });
    const port = first.port;
    const printer = new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${port}`), tcvn3, {
      missesBeforeOffline: 1,
      statusTimeoutMs: 500,
    });
    opened.push(printer);
    const events: string[] = [];
    printer.onStatus((e) => events.push(e.status));
    await printer.status();
    await first.close();
    // the peer's FIN may or may not have arrived yet: refused/closed or an unanswered request
    const down = await printer.status().then(
      () => undefined,
      (e: unknown) => (e as { code?: string }).code,
    );
    expect(['PRINTER_OFFLINE', 'PRINTER_TIMEOUT']).toContain(down);
    const second = await startVirtualPrinter({ tcpPort: port });
    opened.push(second);
    expect(await printer.status()).toMatchObject({ online: true });
    expect(events).toEqual(['online', 'offline', 'online']);
  });

  it('reports a refused connection as PRINTER_OFFLINE', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((r) => server.close(() => r()));
    const printer = new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${port}`), tcvn3);
    await expect(printer.status()).rejects.toMatchObject({
      code: 'PRINTER_OFFLINE',
      message: expect.stringContaining('refused'),
    });
  });

  it('reports a stalled printer as PRINTER_TIMEOUT (no status, and writes that never leave)', async () => {
    const vp = await startVirtualPrinter({ tcpPort: 0, stalled: true });
    opened.push(vp);
    const printer = new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${vp.port}`), tcvn3, {
      statusTimeoutMs: 200,
      writeTimeoutMs: 200,
    });
    opened.push(printer);
    await expect(printer.status()).rejects.toMatchObject({ code: 'PRINTER_TIMEOUT' });
    const transport = createTransport(`tcp://127.0.0.1:${vp.port}`);
    await transport.open();
    await expect(transport.write(new Uint8Array(64 * 1024 * 1024), 200)).rejects.toMatchObject({
      code: 'PRINTER_TIMEOUT',
    });
    await transport.close();
  });

  it('reads status correctly through garbage on the status line', async () => {
    const { vp, uri } = await setup({ paper: 'near-end' });
    vp.injectNoise([0xff, 0x00, 0x55, 0x13]);
    const printer = new ReceiptPrinter(createTransport(uri), tcvn3);
    opened.push(printer);
    expect(await printer.status()).toMatchObject({
      online: true,
      paper: 'near-end',
      coverOpen: false,
    });
    expect(printer.unexpectedBytes).toBeGreaterThan(0);
  });

  it('reads the Custom extra status (DLE EOT 20) named by the profile', async () => {
    const { uri } = await setup({ ticketInPresenter: true });
    const printer = new ReceiptPrinter(createTransport(uri), loadProfile('custom-kiosk-80mm'));
    opened.push(printer);
    expect(await printer.status()).toMatchObject({ extra: ['ticket-in-presenter'] });
  });
});
