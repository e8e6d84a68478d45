import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSerialPortsConformance } from '@kiosk/device/conformance';
import { SocatPtyPair } from '@kiosk/test-fixtures/serial';
import { nodeSerialPorts } from '../src/index';
import type { SerialLink } from '../src/index';

/**
 * The real transport, node-serialport, held to the conformance suite the in-memory twin passes:
 * each plugged device is a socat pty pair whose far end is opened as the device. Needs: socat.
 */
describeSerialPortsConformance('nodeSerialPorts over socat pty pairs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-serial-'));
  const pairs = new Map<string, { pair: SocatPtyPair; device: SerialLink }>();
  let next = 0;
  /** The device end closes, then socat exits and removes both links: a pulled cable. */
  const unplug = async (path: string): Promise<void> => {
    const entry = pairs.get(path);
    pairs.delete(path);
    await entry?.device.close();
    await entry?.pair.stop();
  };
  return {
    ports: nodeSerialPorts,
    missingPath: join(dir, 'missing'),
    async plug() {
      const n = next++;
      const pair = new SocatPtyPair(join(dir, `host${n}`), join(dir, `device${n}`));
      await pair.start();
      const device = await nodeSerialPorts.open({ path: pair.devicePath, baudRate: 115200 });
      const received: Buffer[] = [];
      const waiting = new Set<() => void>();
      device.onData((chunk) => {
        received.push(Buffer.from(chunk));
        for (const wake of [...waiting]) wake();
      });
      pairs.set(pair.hostPath, { pair, device });
      return {
        path: pair.hostPath,
        device: {
          send: (bytes) => device.write(bytes),
          received: (length) =>
            new Promise<Uint8Array>((resolve) => {
              const check = () => {
                const all = Buffer.concat(received);
                if (all.length < length) return;
                waiting.delete(check);
                resolve(all.subarray(0, length));
              };
              waiting.add(check);
              check();
            }),
        },
      };
    },
    unplug,
    async dispose() {
      for (const path of [...pairs.keys()]) await unplug(path);
      await rm(dir, { recursive: true, force: true });
    },
  };
});
