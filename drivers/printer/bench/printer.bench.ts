/**
 * Receipt printer figures (issue 5): bytes on the wire and transfer time at 115200 baud for the
 * standard slip in TCVN-3 and raster mode against a whole-slip raster image, and the time from
 * "print" to "cut" through the virtual printer over TCP and over a pty.
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

import { createPtyPair, startVirtualPrinter } from '@kiosk/test-fixtures/printer';
import type { BenchModule } from '../../../scripts/bench';
import { median, percentile, round } from '../../../scripts/stats';
import {
  ReceiptPrinter,
  STANDARD_SLIP,
  STANDARD_TEMPLATE,
  createTransport,
  loadProfile,
  renderReceipt,
  type PrinterProfile,
} from '../src/index';
import { rasterBitImage } from '../src/render/raster-bit-image';

const BAUD = 115200;
const RUNS = 10;

/** 8N1 framing: 10 bits per byte. */
function wire(bytes: number): { bytes: number; kib: number; seconds115200: number } {
  return { bytes, kib: round(bytes / 1024, 2), seconds115200: round((bytes * 10) / BAUD, 3) };
}

/** The whole slip as one image (what a driver without native text or QR sends). */
function wholeSlipImageBytes(profile: PrinterProfile): number {
  const { previewPng } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
  const png = PNG.sync.read(previewPng);
  const ink = new Uint8Array(png.width * png.height);
  for (let i = 0; i < ink.length; i++) ink[i] = (png.data[i * 4] ?? 255) < 128 ? 1 : 0;
  // init (7) + GS v 0 image + feed and cut (7): the image carries text and QR as dots
  return 7 + rasterBitImage({ width: png.width, height: png.height, ink }).length + 7;
}

async function printToCut(
  uri: string,
  waitForReceipt: (i: number) => Promise<unknown>,
  profile: PrinterProfile,
): Promise<number[]> {
  const { escpos, boundaries } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
  const printer = new ReceiptPrinter(createTransport(uri), profile);
  await printer.status();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await printer.print(escpos, { boundaries });
    await waitForReceipt(i);
    times.push(performance.now() - t0);
  }
  await printer.close();
  return times;
}

const bench: BenchModule = {
  name: 'printer',
  async run() {
    const tcvn3 = loadProfile('epson-80mm-tcvn3');
    const raster58 = loadProfile('generic-58mm-raster');
    const raster80 = loadProfile('custom-kiosk-80mm');
    const size = (p: PrinterProfile): number =>
      renderReceipt(STANDARD_SLIP, p, STANDARD_TEMPLATE).escpos.length;
    const renderMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      renderReceipt(STANDARD_SLIP, raster80, STANDARD_TEMPLATE);
      renderMs.push(performance.now() - t0);
    }

    const dir = mkdtempSync(join(tmpdir(), 'printer-bench-'));
    const vpTcp = await startVirtualPrinter({ tcpPort: 0 });
    const tcp = await printToCut(
      `tcp://127.0.0.1:${vpTcp.port}`,
      (i) => vpTcp.waitForReceipt(i),
      tcvn3,
    );
    const tcpRaster = await printToCut(
      `tcp://127.0.0.1:${vpTcp.port}`,
      (i) => vpTcp.waitForReceipt(RUNS + i),
      raster80,
    );
    await vpTcp.close();
    const pty = await createPtyPair(dir);
    const vpPty = await startVirtualPrinter({ ptyPath: pty.printerPath });
    const ptyTimes = await printToCut(
      `serial:${pty.hostPath}?baud=115200`,
      (i) => vpPty.waitForReceipt(i),
      tcvn3,
    );
    const ptyRaster = await printToCut(
      `serial:${pty.hostPath}?baud=115200`,
      (i) => vpPty.waitForReceipt(RUNS + i),
      raster80,
    );
    await vpPty.close();
    await pty.close();

    const stats = (xs: number[]): { medianMs: number; p95Ms: number } => ({
      medianMs: round(median(xs), 1),
      p95Ms: round(percentile(xs, 95), 1),
    });
    return {
      standardSlipOnTheWire: {
        tcvn3_80mm: wire(size(tcvn3)),
        raster_58mm: wire(size(raster58)),
        raster_80mm: wire(size(raster80)),
        baselineWholeSlipImage_58mm: wire(wholeSlipImageBytes(raster58)),
        baselineWholeSlipImage_80mm: wire(wholeSlipImageBytes(raster80)),
        targets: { raster: '≤ 25 KB', tcvn3: '≤ 4 KB' },
      },
      renderRasterSlip: stats(renderMs),
      printToCut: {
        note: 'virtual printer on this machine; a pty is not rate-limited to the baud rate, so serial times exclude the line time computed above',
        tcp_tcvn3: stats(tcp),
        tcp_raster80: stats(tcpRaster),
        pty_tcvn3: stats(ptyTimes),
        pty_raster80: stats(ptyRaster),
        runs: RUNS,
      },
    };
  },
};

export default bench;
