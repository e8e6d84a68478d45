import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../device-error';
import type { SerialPortError } from './serial-port-error';
import type { SerialLink, SerialPorts } from './serial-ports';

/** The device's side of a plugged port: what it sends to the host, what it got from it. */
export interface SerialDeviceEnd {
  send(bytes: Uint8Array): Promise<void>;
  /** Resolves with the first `length` bytes the host wrote. */
  received(length: number): Promise<Uint8Array>;
}

/** A transport under test: the ports, and a way to plug and unplug devices on them. */
export interface SerialPortsFixture {
  readonly ports: SerialPorts;
  /** Connects a new device; the path is what the host opens. */
  plug(): Promise<{ readonly path: string; readonly device: SerialDeviceEnd }>;
  /** Takes the device away as a pulled USB cable does. */
  unplug(path: string): Promise<void>;
  /** A path no device will ever have. */
  readonly missingPath: string;
  /** Unplugs whatever is left. */
  dispose(): Promise<void>;
}

function nextClose(link: SerialLink): Promise<SerialPortError | undefined> {
  return new Promise((resolve) => {
    link.onClose(resolve);
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDeviceError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

/**
 * The behaviour every `SerialPorts` must have, after the guarantees node-serialport documents for
 * a binding: run against `MemorySerialPorts` in project `unit` and against `nodeSerialPorts` on a
 * socat pty pair in project `integration`, so the twin cannot drift from the real thing.
 */
export function describeSerialPortsConformance(
  name: string,
  makeFixture: () => Promise<SerialPortsFixture>,
): void {
  describe(`SerialPorts conformance: ${name}`, () => {
    async function withFixture(body: (fixture: SerialPortsFixture) => Promise<void>) {
      const fixture = await makeFixture();
      try {
        await body(fixture);
      } finally {
        await fixture.dispose();
      }
    }

    it('opens a plugged port; a missing one fails with SERIAL_NO_SUCH_PORT', () =>
      withFixture(async ({ ports, plug, missingPath }) => {
        const { path } = await plug();
        expect(await ports.exists(path)).toBe(true);
        expect(await ports.exists(missingPath)).toBe(false);
        expect(await codeOf(ports.open({ path: missingPath, baudRate: 9600 }))).toBe(
          'SERIAL_NO_SUCH_PORT',
        );
        const link = await ports.open({ path, baudRate: 9600 });
        expect(link.isOpen).toBe(true);
        await link.close();
      }));

    it("delivers the device's bytes in order and hands the host's bytes to the device", () =>
      withFixture(async ({ ports, plug }) => {
        const { path, device } = await plug();
        const link = await ports.open({ path, baudRate: 115200 });
        const every = Uint8Array.from({ length: 256 }, (_, i) => i);
        const got: Uint8Array[] = [];
        const all = new Promise<void>((resolve) => {
          let count = 0;
          link.onData((chunk) => {
            got.push(chunk);
            count += chunk.length;
            if (count >= every.length) resolve();
          });
        });
        await device.send(every);
        await all;
        expect(Buffer.concat(got)).toEqual(Buffer.from(every));

        await link.write(every);
        await link.write('\x1b@');
        expect(Buffer.from(await device.received(258))).toEqual(
          Buffer.concat([every, Buffer.from([0x1b, 0x40])]),
        );
        await link.close();
      }));

    it('refuses a second open while the port is held (SERIAL_PORT_LOCKED), and opens after close', () =>
      withFixture(async ({ ports, plug }) => {
        const { path } = await plug();
        const first = await ports.open({ path, baudRate: 9600 });
        expect(await codeOf(ports.open({ path, baudRate: 9600 }))).toBe('SERIAL_PORT_LOCKED');
        await first.close();
        const second = await ports.open({ path, baudRate: 9600 });
        expect(second.isOpen).toBe(true);
        await second.close();
      }));

    it('reports a local close without an error; writes after it fail with SERIAL_NOT_OPEN', () =>
      withFixture(async ({ ports, plug }) => {
        const { path } = await plug();
        const link = await ports.open({ path, baudRate: 9600 });
        const closed = nextClose(link);
        await link.close();
        expect(await closed).toBeUndefined();
        expect(link.isOpen).toBe(false);
        expect(await codeOf(link.write(Uint8Array.of(0x41)))).toBe('SERIAL_NOT_OPEN');
        await link.close(); // idempotent
      }));

    it('closes the link with SERIAL_DISCONNECTED when the device is unplugged', () =>
      withFixture(async ({ ports, plug, unplug }) => {
        const { path } = await plug();
        const link = await ports.open({ path, baudRate: 9600 });
        const closed = nextClose(link);
        await unplug(path);
        expect((await closed)?.code).toBe('SERIAL_DISCONNECTED');
        expect(link.isOpen).toBe(false);
        expect(await ports.exists(path)).toBe(false);
        expect(await codeOf(ports.open({ path, baudRate: 9600 }))).toBe('SERIAL_NO_SUCH_PORT');
      }));
  });
}
