import { describe, expect, it } from 'vitest';
import { printerStatus } from './printer';

describe('kiosk printer', () => {
  it('answers a usb: URI with the supported alternative', async () => {
    await expect(printerStatus({ uri: 'usb:04b8:0e15' })).rejects.toThrow(
      /PRINTER_UNSUPPORTED.*file:\/dev\/usb\/lp/,
    );
  });

  it('rejects a malformed URI with the reason', async () => {
    await expect(printerStatus({ uri: 'tcp://' })).rejects.toThrow(/PRINTER_URI_INVALID/);
  });
});
