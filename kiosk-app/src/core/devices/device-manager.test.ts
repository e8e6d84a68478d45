import { MemorySerialPorts } from '@kiosk/device';
import {
  defaultTemplate,
  loadProfile,
  MemoryTransport as MemoryPrinterTransport,
  ReceiptPrinter,
} from '@kiosk/printer';
import { encodeHidPosReports, HidScanner, MemoryHidTransport } from '@kiosk/scanner';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../config/kiosk-config';
import { createLogger } from '../log/logger';
import { settingsFromConfig, type KioskSettings } from '../settings/settings-schema';
import { DeviceManager } from './device-manager';
import { DeviceSetupError } from './device-setup';
import { EscposReceiptPrinter } from './escpos-receipt-printer';

type QrScannerSetting = NonNullable<KioskSettings['qrScanner']>;

const SCANNER = {
  path: '/dev/hidraw4',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
};

/** Scanners open on the HID twin, or with `serialPorts` through the manager's own wiring. */
function setup(serialPorts?: MemorySerialPorts) {
  const hid = new MemoryHidTransport();
  const profile = loadProfile('epson-80mm-tcvn3');
  const opened: string[] = [];
  const printer = new EscposReceiptPrinter({
    printer: new ReceiptPrinter(new MemoryPrinterTransport('memory:first'), profile),
    profile,
    template: defaultTemplate(),
  });
  const manager = new DeviceManager({
    printer,
    printerUri: 'memory:first',
    openPrinter: (uri, p) => {
      opened.push(`${uri} ${p.id}`);
      return new ReceiptPrinter(new MemoryPrinterTransport(uri), p);
    },
    ...(serialPorts
      ? { serialPorts }
      : {
          openScanner: (s: QrScannerSetting) => {
            if (s.kind !== 'hid') throw new Error('only HID here');
            return new HidScanner({ ...s, mode: 'hid-pos', transport: hid, pollIntervalMs: 0 });
          },
        }),
    logger: createLogger(() => undefined),
    sources: {
      listSerialPorts: async () => [],
      listHid: () => hid.list(),
      listLinePrinters: async () => [],
    },
  });
  const base: KioskSettings = settingsFromConfig(parseKioskConfig({}));
  return { hid, manager, printer, opened, base };
}

const scan = (hid: MemoryHidTransport, text: string) => {
  for (const report of encodeHidPosReports(text)) hid.emit(SCANNER.path, report);
};

describe('DeviceManager', () => {
  it('opens the assigned HID scanner live, routes its scans, and closes it when unassigned', async () => {
    const { hid, manager, base } = setup();
    hid.attach(SCANNER);
    const journey: string[] = [];
    manager.onQr((text) => journey.push(text));
    const qrScanner = {
      kind: 'hid',
      vendorId: 0x0c2e,
      productId: 0x0b61,
      mode: 'hid-pos',
    } as const;
    await manager.check({ role: 'qrScanner', settings: qrScanner });
    await manager.apply({ ...base, qrScanner });
    expect(hid.isOpen(SCANNER.path)).toBe(true);
    scan(hid, 'H01-261128-1001');
    expect(journey).toEqual(['H01-261128-1001']);
    const test = manager.nextScan(new AbortController().signal);
    scan(hid, 'for the test');
    expect(await test).toBe('for the test');
    expect(journey).toEqual(['H01-261128-1001']);
    expect((await manager.inventory()).find((d) => d.kind === 'hidDevice')?.assignedTo).toEqual([
      'qrScanner',
    ]);
    await manager.apply(base);
    expect(hid.isOpen(SCANNER.path)).toBe(false);
    manager.close();
  });

  it('opens an assigned serial scanner on the shared serial ports and routes its scans', async () => {
    const ports = new MemorySerialPorts();
    ports.plug('/dev/ttyACM0');
    const { manager, base } = setup(ports);
    const journey: string[] = [];
    manager.onQr((text) => journey.push(text));
    const qrScanner = { kind: 'serial', path: '/dev/ttyACM0', baudRate: 115200 } as const;
    await manager.apply({ ...base, qrScanner });
    expect(ports.openOptions('/dev/ttyACM0')?.baudRate).toBe(115200);
    ports.emit('/dev/ttyACM0', 'H01-261128-1002\r\n');
    expect(journey).toEqual(['H01-261128-1002']);
    manager.close();
    await Promise.resolve();
    expect(ports.isOpen('/dev/ttyACM0')).toBe(false);
  });

  it('refuses a HID scanner that is not connected, naming what is', async () => {
    const { manager } = setup();
    const check = manager.check({
      role: 'qrScanner',
      settings: { kind: 'hid', vendorId: 1, productId: 2, mode: 'auto' },
    });
    await expect(check).rejects.toBeInstanceOf(DeviceSetupError);
    await expect(check).rejects.toThrow('no HID device 0001:0002 is connected; HID devices: none');
  });

  it('reopens the printer on a new URI and profile, once per change', async () => {
    const { manager, printer, opened, base } = setup();
    const next = {
      ...base,
      printerUri: 'tcp://10.0.0.5:9100',
      printerProfile: 'custom-kiosk-80mm',
    };
    await manager.apply(next);
    await manager.apply(next);
    expect(opened).toEqual(['tcp://10.0.0.5:9100 custom-kiosk-80mm']);
    expect(printer.profileId).toBe('custom-kiosk-80mm');
    expect(manager.deviceOf('printer')).toBe('tcp://10.0.0.5:9100');
    manager.close();
  });
});
