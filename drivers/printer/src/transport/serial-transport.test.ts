import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemorySerialPorts } from '@kiosk/device';
import { createTransport } from './open-transport';

const PATH = '/dev/ttyS0';

afterEach(() => {
  vi.useRealTimers();
});

describe('SerialTransport on the serial ports twin', () => {
  it('opens with the flow control the URI names and hands bytes both ways', async () => {
    const ports = new MemorySerialPorts();
    ports.plug(PATH);
    const transport = createTransport(`serial:${PATH}?baud=19200&flow=rtscts`, ports);
    await transport.open();
    expect(ports.openOptions(PATH)).toMatchObject({ baudRate: 19200, rtscts: true, xon: false });
    const back: number[] = [];
    transport.onData((chunk) => back.push(...chunk));
    await transport.write(Uint8Array.of(0x10, 0x04, 0x01), 1000);
    ports.emit(PATH, Uint8Array.of(0x16));
    expect([...ports.written(PATH)]).toEqual([0x10, 0x04, 0x01]);
    expect(back).toEqual([0x16]);
    await transport.close();
  });

  it('is PRINTER_OFFLINE when the port is missing, and when it is unplugged while open', async () => {
    const ports = new MemorySerialPorts();
    const transport = createTransport(`serial:${PATH}`, ports);
    await expect(transport.open()).rejects.toMatchObject({ code: 'PRINTER_OFFLINE' });
    ports.plug(PATH);
    await transport.open();
    const closed = new Promise((resolve) => transport.onClose(resolve));
    ports.unplug(PATH);
    expect(await closed).toMatchObject({ code: 'PRINTER_OFFLINE' });
    expect(transport.isOpen).toBe(false);
  });

  it('with DSR/DTR raises DTR and holds the bytes while the printer keeps DSR low', async () => {
    vi.useFakeTimers();
    const ports = new MemorySerialPorts();
    ports.plug(PATH);
    ports.setInputLines(PATH, { dsr: false });
    const transport = createTransport(`serial:${PATH}?flow=dsrdtr`, ports);
    await transport.open();
    expect(ports.outputLines(PATH)).toEqual({ dtr: true });
    const write = transport.write(Uint8Array.of(0x1b, 0x40), 1000);
    const outcome = write.then(
      () => 'written',
      (error: { code?: string }) => error.code,
    );
    await vi.advanceTimersByTimeAsync(200);
    expect(ports.written(PATH)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBe('PRINTER_TIMEOUT');

    ports.setInputLines(PATH, { dsr: true });
    await transport.write(Uint8Array.of(0x1b, 0x40), 1000);
    expect([...ports.written(PATH)]).toEqual([0x1b, 0x40]);
    await transport.close();
  });
});
