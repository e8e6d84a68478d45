import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReceiptPrinter } from '../src/device/receipt-printer';
import { loadProfile } from '../src/profile/load-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../src/receipt/standard-slip';
import { renderReceipt } from '../src/render/render-receipt';
import { createTransport } from '../src/transport/open-transport';
import { tempDir } from './helpers';

describe('device file transport (usblp)', () => {
  it('writes the slip to the device file without asking for status', async () => {
    const file = join(tempDir('lp'), 'lp0');
    writeFileSync(file, '');
    const profile = loadProfile('epson-80mm-tcvn3');
    const { escpos } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    const printer = new ReceiptPrinter(createTransport(`file:${file}`), profile);
    await printer.print(escpos);
    await printer.close();
    const written = readFileSync(file);
    // GS a (enable ASB) is not sent on a write-only channel; the job is there byte for byte
    expect(written.equals(Buffer.from(escpos))).toBe(true);
  });

  it('reports a missing device file as PRINTER_OFFLINE', async () => {
    const printer = new ReceiptPrinter(
      createTransport('file:/dev/usb/lp-missing-9'),
      loadProfile('epson-80mm-tcvn3'),
    );
    await expect(printer.print(Uint8Array.of(0x0a))).rejects.toMatchObject({
      code: 'PRINTER_OFFLINE',
    });
  });

  it('answers usb:VID:PID with PRINTER_UNSUPPORTED and the alternative', () => {
    expect(() => createTransport('usb:04b8:0e15')).toThrow(
      expect.objectContaining({
        code: 'PRINTER_UNSUPPORTED',
        message: expect.stringContaining('file:/dev/usb/lp'),
      }),
    );
  });
});
