import { describe, expect, it } from 'vitest';
import type { DeviceView } from '@kiosk/protocol';
import { inventoryRows, type ActiveDevices, type DeviceSnapshot } from './device-inventory';

const printer: DeviceView = {
  id: 'tcp://127.0.0.1:9100',
  role: 'receiptPrinter',
  kind: 'printer',
  status: 'online',
  detail: 'epson-80mm-tcvn3',
};

const active: ActiveDevices = {
  reader: 'Reader B',
  printer,
  printerUri: 'demo:virtual-printer',
  knownPrinters: [{ uri: 'demo:virtual-printer', label: 'virtual printer' }],
  profiles: ['epson-80mm-tcvn3', 'generic-58mm-raster'],
};

const snapshot: DeviceSnapshot = {
  readers: [
    { name: 'Reader A', cardPresent: false },
    { name: 'Reader B', cardPresent: true },
  ],
  serialPorts: [
    { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
  ],
  hid: [{ path: '/dev/hidraw0', vendorId: 0x0c2e, productId: 0x0b61, product: 'Scanner' }],
  linePrinters: ['/dev/usb/lp0'],
};

const byId = (rows: DeviceView[], id: string) => rows.find((r) => r.id === id);

describe('inventoryRows', () => {
  it('lists every reader, port, HID device and printer with its possible and current roles', () => {
    const rows = inventoryRows(
      snapshot,
      {
        mrzReader: {
          path: '/dev/ttyUSB0',
          baudRate: 9600,
          framing: { kind: 'lines', terminator: 'CR' },
        },
        qrScanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'auto' },
      },
      active,
    );
    expect(byId(rows, 'pcsc:Reader A')).toMatchObject({ status: 'online', assignedTo: [] });
    expect(byId(rows, 'pcsc:Reader B')).toMatchObject({
      status: 'card-present',
      assignedTo: ['cardReader'],
    });
    expect(byId(rows, 'serial:/dev/ttyUSB0')).toMatchObject({
      kind: 'serialPort',
      vendorId: '0403',
      productId: '6001',
      assignedTo: ['mrzReader'],
      usableFor: ['mrzReader', 'qrScanner', 'receiptPrinter'],
    });
    expect(byId(rows, 'hid:/dev/hidraw0')).toMatchObject({
      vendorId: '0c2e',
      productId: '0b61',
      assignedTo: ['qrScanner'],
    });
    expect(byId(rows, 'printer:demo:virtual-printer')).toMatchObject({
      status: 'online',
      assignedTo: ['receiptPrinter'],
      profiles: active.profiles,
    });
    expect(byId(rows, 'printer:file:/dev/usb/lp0')).toMatchObject({ assignedTo: [] });
  });

  it('shows an assigned reader that is unplugged as offline, and a missing pcscd', () => {
    const rows = inventoryRows({ ...snapshot, readers: [] }, {}, active);
    expect(byId(rows, 'pcsc:Reader B')).toMatchObject({
      status: 'offline',
      assignedTo: ['cardReader'],
    });
    const noService = inventoryRows({ ...snapshot, readers: undefined }, {}, active);
    expect(byId(noService, 'pcsc')).toMatchObject({ status: 'offline' });
  });

  it('marks the serial port a serial printer URI names as the receipt printer', () => {
    const rows = inventoryRows(
      snapshot,
      { printerUri: 'serial:/dev/ttyUSB0?baud=115200' },
      {
        ...active,
        printerUri: 'serial:/dev/ttyUSB0?baud=115200',
      },
    );
    expect(byId(rows, 'serial:/dev/ttyUSB0')?.assignedTo).toEqual(['receiptPrinter']);
  });
});
