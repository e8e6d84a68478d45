import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { DeviceStatusEvent } from '@kiosk/device';
import type { ReceiptPrinter } from '../src/device/receipt-printer';
import type { PrinterTransport } from '../src/transport/printer-transport';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Decodes a PNG and returns the QR payload (if any) and the number of rows with ink. */
export function inspectPng(png: Buffer): {
  qr: string | undefined;
  inkRows: number;
  width: number;
} {
  const image = PNG.sync.read(png);
  let inkRows = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.data[(y * image.width + x) * 4] ?? 255) < 128) {
        inkRows += 1;
        break;
      }
    }
  }
  const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
  return { qr, inkRows, width: image.width };
}

/** Resolves with the next status event of the given kind. */
export function nextStatus(
  printer: ReceiptPrinter,
  status: DeviceStatusEvent['status'],
): Promise<DeviceStatusEvent> {
  return new Promise((resolve) => {
    const off = printer.onStatus((e) => {
      if (e.status === status) {
        off();
        resolve(e);
      }
    });
  });
}

/**
 * Wraps a transport so a test can act right after the n-th write of receipt data (to open the
 * cover "mid-print" at a known point, without sleeping).
 */
export function afterDataWrite(
  inner: PrinterTransport,
  n: number,
  action: () => Promise<void>,
): PrinterTransport & { dataWrites: number } {
  let dataWrites = 0;
  const wrapped = {
    get uri() {
      return inner.uri;
    },
    get isOpen() {
      return inner.isOpen;
    },
    get bidirectional() {
      return inner.bidirectional;
    },
    get dataWrites() {
      return dataWrites;
    },
    open: () => inner.open(),
    close: () => inner.close(),
    onData: (l: (chunk: Uint8Array) => void) => inner.onData(l),
    onClose: (l: Parameters<PrinterTransport['onClose']>[0]) => inner.onClose(l),
    async write(bytes: Uint8Array, timeoutMs: number) {
      await inner.write(bytes, timeoutMs);
      const isStatusRequest = bytes[0] === 0x10 || (bytes[0] === 0x1d && bytes[1] === 0x61);
      if (!isStatusRequest && ++dataWrites === n) await action();
    },
  };
  return wrapped;
}
