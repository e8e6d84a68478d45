import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@kiosk/device';
import type { Scan } from '../scan';
import { encodeHidPosReports } from './hid-pos-decoder';
import { HidScanner } from './hid-scanner';
import { encodeWedgeReports } from './keyboard-wedge-decoder';
import { MemoryHidTransport } from './memory-hid-transport';

const WEDGE = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x01,
  usage: 0x06,
};
const POS = { ...WEDGE, path: '/dev/hidraw4', usagePage: 0x8c, usage: 0x02 };

function setup(
  transport: MemoryHidTransport,
  options: Partial<ConstructorParameters<typeof HidScanner>[0]> = {},
) {
  const scanner = new HidScanner({
    vendorId: 0x0c2e,
    productId: 0x0b61,
    transport,
    pollIntervalMs: 0,
    ...options,
  });
  const scans: Scan[] = [];
  const statuses: DeviceStatus[] = [];
  scanner.onScan((s) => scans.push(s));
  scanner.onStatus((e) => statuses.push(e.status));
  return { scanner, scans, statuses };
}

describe('HidScanner over the in-memory HID transport', () => {
  it('prefers the HID POS interface and decodes its reports', async () => {
    const t = new MemoryHidTransport();
    t.attach(WEDGE);
    t.attach(POS);
    const { scanner, scans } = setup(t);
    await scanner.open();
    await scanner.enable();
    expect(scanner.mode).toBe('hid-pos');
    for (const r of encodeHidPosReports('KIOSK1|H29-261128-0001')) t.emit(POS.path, r);
    expect(scans).toEqual([
      { text: 'KIOSK1|H29-261128-0001', symbology: ']Q1', source: 'hid-pos' },
    ]);
    await scanner.close();
  });

  it('uses the keyboard interface in wedge mode', async () => {
    const t = new MemoryHidTransport();
    t.attach(WEDGE);
    t.attach(POS);
    const { scanner, scans } = setup(t, { mode: 'keyboard-wedge' });
    await scanner.open();
    await scanner.enable();
    for (const r of encodeWedgeReports('ABC')) t.emit(WEDGE.path, r);
    expect(scans.map((s) => s.text)).toEqual(['ABC']);
    await scanner.close();
  });

  it('ignores other devices, goes offline on unplug and comes back on replug', async () => {
    const t = new MemoryHidTransport();
    t.attach({ ...WEDGE, path: '/dev/hidraw0', productId: 0x1234 });
    const { scanner, scans, statuses } = setup(t, { missesBeforeGone: 2 });
    await scanner.open();
    await scanner.enable();
    expect(statuses).toEqual(['offline']);
    t.attach(WEDGE);
    await scanner.poll();
    expect(statuses).toEqual(['offline', 'online']);
    t.detach(WEDGE.path);
    expect(statuses.at(-1)).toBe('offline');
    await scanner.poll();
    await scanner.poll();
    t.attach(WEDGE);
    await scanner.poll();
    expect(statuses.at(-1)).toBe('online');
    for (const r of encodeWedgeReports('X1')) t.emit(WEDGE.path, r);
    expect(scans.map((s) => s.text)).toEqual(['X1']);
    await scanner.close();
    expect(t.isOpen(WEDGE.path)).toBe(false);
  });
});
