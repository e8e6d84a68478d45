import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeviceError } from '@kiosk/device';
import { parsePrinterUri } from './printer-uri';

describe('parsePrinterUri', () => {
  it('parses the four schemes', () => {
    expect(parsePrinterUri('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterUri('tcp://printer.local')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
    });
    expect(parsePrinterUri('serial:/dev/ttyUSB0?baud=115200&flow=xonxoff')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 115200,
      flow: 'xonxoff',
    });
    expect(parsePrinterUri('serial:/dev/ttyS0')).toMatchObject({ baudRate: 115200, flow: 'none' });
    expect(parsePrinterUri('usb:04b8:0E15')).toEqual({
      kind: 'usb',
      vendorId: 0x04b8,
      productId: 0x0e15,
    });
    expect(parsePrinterUri('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it.each([
    '',
    'tcp://',
    'tcp://h:0',
    'tcp://h:70000',
    'serial:tty',
    'serial:/dev/x?baud=12',
    'serial:/dev/x?parity=odd',
    'usb:1:2',
    'file:lp0',
    'http://x',
  ])('rejects %j with PRINTER_URI_INVALID', (uri) => {
    expect(() => parsePrinterUri(uri)).toThrow(
      expect.objectContaining({ code: 'PRINTER_URI_INVALID' }),
    );
  });

  it('either parses or throws PRINTER_URI_INVALID, never anything else (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `tcp://${s}`),
          fc.string().map((s) => `serial:${s}`),
          fc.string().map((s) => `usb:${s}`),
        ),
        (uri) => {
          try {
            parsePrinterUri(uri);
          } catch (error) {
            expect(isDeviceError(error, 'PRINTER_URI_INVALID')).toBe(true);
          }
        },
      ),
    );
  });
});
