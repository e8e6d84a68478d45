import { describe, expect, it } from 'vitest';
import { MemorySerialPorts } from './memory-serial-ports';
import { describeSerialPortsConformance } from './serial-ports-conformance';

describeSerialPortsConformance('MemorySerialPorts (in-memory twin)', async () => {
  const ports = new MemorySerialPorts();
  let next = 0;
  return {
    ports,
    missingPath: '/dev/ttyMISSING',
    async plug() {
      const path = `/dev/ttyMEM${next++}`;
      ports.plug(path);
      return {
        path,
        device: {
          send: async (bytes) => ports.emit(path, bytes),
          received: async (length) => ports.written(path).subarray(0, length),
        },
      };
    },
    unplug: async (path) => ports.unplug(path),
    dispose: async () => ports.reset(),
  };
});

describe('MemorySerialPorts', () => {
  it('lists plugged ports with their USB identity and counts opens', async () => {
    const ports = new MemorySerialPorts();
    ports.plug('/dev/ttyUSB0', { vendorId: '0403', productId: '6001', manufacturer: 'FTDI' });
    expect(await ports.list()).toEqual([
      { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
    ]);
    const link = await ports.open({ path: '/dev/ttyUSB0', baudRate: 19200, rtscts: true });
    expect(ports.openOptions('/dev/ttyUSB0')).toEqual({
      path: '/dev/ttyUSB0',
      baudRate: 19200,
      rtscts: true,
    });
    expect(ports.opens).toBe(1);
    await link.close();
    expect(ports.openOptions('/dev/ttyUSB0')).toBeUndefined();
  });

  it("reports the device's modem lines as it drives them", async () => {
    const ports = new MemorySerialPorts();
    ports.plug('/dev/ttyS0');
    const link = await ports.open({ path: '/dev/ttyS0', baudRate: 9600 });
    expect((await link.get()).dsr).toBe(true);
    ports.setInputLines('/dev/ttyS0', { dsr: false });
    expect((await link.get()).dsr).toBe(false);
    await link.close();
  });
});
