import { MemorySerialPorts } from '@kiosk/device';
import { encodeMrzFrame, formatCccdTd1, type MrzFraming } from '@kiosk/mrz';
import {
  defaultTemplate,
  loadProfile,
  MemoryTransport as MemoryPrinterTransport,
  ReceiptPrinter,
} from '@kiosk/printer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseKioskConfig } from '../config/kiosk-config';
import { createLogger } from '../log/logger';
import { settingsFromConfig, type KioskSettings } from '../settings/settings-schema';
import { DeviceManager } from './device-manager';
import { EscposReceiptPrinter } from './escpos-receipt-printer';

/** A synthetic holder (no real person): the MRZ a swipe reader would send for their CCCD. */
const MRZ = formatCccdTd1({
  personalId: '001099012345',
  fullName: 'Trần Thị Thử',
  dateOfBirth: '1990-05-17',
  sex: 'F',
  dateOfExpiry: '2035-05-17',
});
const LINES: MrzFraming = { kind: 'lines', terminator: 'CR' };
const STX_ETX: MrzFraming = { kind: 'stx-etx', terminator: 'CRLF' };

function setup(pollIntervalMs = 0) {
  const ports = new MemorySerialPorts();
  ports.plug('/dev/ttyUSB0');
  ports.plug('/dev/ttyUSB1');
  const profile = loadProfile('epson-80mm-tcvn3');
  const logLines: string[] = [];
  const manager = new DeviceManager({
    printer: new EscposReceiptPrinter({
      printer: new ReceiptPrinter(new MemoryPrinterTransport('memory:printer'), profile),
      profile,
      template: defaultTemplate(),
    }),
    printerUri: 'memory:printer',
    serialPorts: ports,
    mrzPollIntervalMs: pollIntervalMs,
    logger: createLogger((line) => logLines.push(line)),
    sources: {
      listSerialPorts: async () => [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }],
      listHid: async () => [],
      listLinePrinters: async () => [],
    },
  });
  const read: string[] = [];
  manager.onMrz((text) => read.push(text));
  const base: KioskSettings = settingsFromConfig(parseKioskConfig({}));
  const assign = (path: string, framing: MrzFraming): Promise<void> =>
    manager.apply({ ...base, mrzReader: { path, baudRate: 9600, framing } });
  return { ports, manager, read, base, assign, logLines };
}

const mrzRow = (manager: DeviceManager) => manager.list().find((d) => d.kind === 'mrzReader');

afterEach(() => {
  vi.useRealTimers();
});

describe('DeviceManager: the serial MRZ reader role', () => {
  it('opens the assigned port live and passes each validated MRZ to onMrz, lines joined', async () => {
    const { ports, manager, read, assign, logLines } = setup();
    expect(mrzRow(manager)).toBeUndefined();
    await assign('/dev/ttyUSB0', LINES);
    expect(ports.isOpen('/dev/ttyUSB0')).toBe(true);
    expect(mrzRow(manager)).toMatchObject({ status: 'online', address: '/dev/ttyUSB0' });
    ports.emit('/dev/ttyUSB0', encodeMrzFrame(MRZ, LINES));
    expect(read).toEqual([MRZ.join('\n')]);
    // A frame with a broken check digit reaches nobody, and is logged by its code only.
    const broken = [MRZ[0], MRZ[1]?.replace(/^(\d{6})\d/, '$10'), MRZ[2]].join('\r');
    ports.emit('/dev/ttyUSB0', `${broken}\r\r`);
    expect(read).toHaveLength(1);
    expect(logLines.some((l) => l.includes('devices.mrzReader.frame'))).toBe(true);
    const log = logLines.join('\n');
    for (const line of MRZ) expect(log).not.toContain(line);
    expect(log).not.toContain('001099012345');
    manager.close();
  });

  it('shows the port it reads as online in the inventory', async () => {
    const { manager, assign } = setup();
    await assign('/dev/ttyUSB0', LINES);
    const rows = await manager.inventory();
    expect(rows.filter((r) => r.address === '/dev/ttyUSB0')).toEqual([
      expect.objectContaining({ kind: 'serialPort', status: 'online', assignedTo: ['mrzReader'] }),
    ]);
    manager.close();
  });

  it('closes the old port when reassigned and reads the new one with its framing', async () => {
    const { ports, manager, read, assign } = setup();
    await assign('/dev/ttyUSB0', LINES);
    await assign('/dev/ttyUSB1', STX_ETX);
    expect(ports.isOpen('/dev/ttyUSB0')).toBe(false);
    expect(ports.isOpen('/dev/ttyUSB1')).toBe(true);
    ports.emit('/dev/ttyUSB0', encodeMrzFrame(MRZ, LINES));
    expect(read).toEqual([]);
    ports.emit('/dev/ttyUSB1', encodeMrzFrame(MRZ, STX_ETX));
    expect(read).toEqual([MRZ.join('\n')]);
    expect(mrzRow(manager)).toMatchObject({ id: 'mrz:/dev/ttyUSB1', status: 'online' });
    // The same settings again: the open port is kept, not reopened.
    const opens = ports.opens;
    await assign('/dev/ttyUSB1', STX_ETX);
    expect(ports.opens).toBe(opens);
    manager.close();
  });

  it('lets go of the port when unassigned, and hears nothing more', async () => {
    const { ports, manager, read, base, assign } = setup();
    await assign('/dev/ttyUSB0', LINES);
    await manager.apply(base);
    expect(ports.isOpen('/dev/ttyUSB0')).toBe(false);
    expect(mrzRow(manager)).toBeUndefined();
    ports.emit('/dev/ttyUSB0', encodeMrzFrame(MRZ, LINES));
    expect(read).toEqual([]);
    manager.close();
  });

  it('reports an unplugged reader offline and reads again once it is plugged back', async () => {
    vi.useFakeTimers();
    const { ports, manager, read, assign } = setup(100);
    await assign('/dev/ttyUSB0', LINES);
    ports.unplug('/dev/ttyUSB0');
    expect(mrzRow(manager)).toMatchObject({ status: 'offline' });
    await vi.advanceTimersByTimeAsync(300);
    ports.plug('/dev/ttyUSB0');
    await vi.advanceTimersByTimeAsync(300);
    expect(mrzRow(manager)).toMatchObject({ status: 'online' });
    ports.emit('/dev/ttyUSB0', encodeMrzFrame(MRZ, LINES));
    expect(read).toEqual([MRZ.join('\n')]);
    manager.close();
  });

  it('reports an assigned reader that is not there as offline', async () => {
    const { manager, assign } = setup();
    await assign('/dev/ttyUSB9', LINES);
    expect(mrzRow(manager)).toMatchObject({ status: 'offline', address: '/dev/ttyUSB9' });
    const rows = await manager.inventory();
    expect(rows.find((r) => r.address === '/dev/ttyUSB9')).toMatchObject({
      kind: 'mrzReader',
      status: 'offline',
    });
    manager.close();
  });
});
