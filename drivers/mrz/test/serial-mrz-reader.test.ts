import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@kiosk/device';
import { MrzReaderSimulator } from '@kiosk/test-fixtures/mrz-reader';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { SerialMrzReader, type MrzDocument, type MrzError } from '../src/index';
import { SocatPtyPair } from '@kiosk/test-fixtures/serial';

/**
 * The serial MRZ reader over a real pty pair (socat), fed by the `kiosk-sim mrz-reader`
 * simulator, including an unplug (socat killed) and a replug (socat restarted on the same links).
 * Needs: socat on PATH.
 */
function nextEvent<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  accept: (value: T) => boolean = () => true,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const off = subscribe((value) => {
      if (!accept(value)) return;
      off();
      resolve(value);
    });
  });
}

describe('SerialMrzReader over a socat pty pair', () => {
  let dir: string;
  let pair: SocatPtyPair;
  let reader: SerialMrzReader;
  const framing = { kind: 'lines', terminator: 'CRLF' } as const;
  const today = () => new Date(Date.UTC(2026, 10, 28));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-mrz-'));
    pair = new SocatPtyPair(join(dir, 'reader'), join(dir, 'sim'));
    await pair.start();
    reader = new SerialMrzReader({
      path: pair.hostPath,
      framing,
      pollIntervalMs: 50,
      missesBeforeGone: 2,
      idleFlushMs: 200,
      today,
    });
    const online = nextEvent<{ status: DeviceStatus }>(
      (l) => reader.onStatus(l),
      (e) => e.status === 'online',
    );
    await reader.open();
    await reader.enable();
    if (!reader.isConnected) await online;
  });

  afterAll(async () => {
    await reader?.close();
    await pair?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the MRZ a simulated swipe reader sends', async () => {
    const sim = await MrzReaderSimulator.open({ device: pair.devicePath, framing });
    const got = nextEvent<MrzDocument>((l) => reader.onDocument(l));
    const lines = await sim.sendCitizen(3);
    const doc = await got;
    expect(doc.lines).toEqual(lines);
    expect(doc.personalId).toBe(syntheticCitizen(3).personalId);
    await sim.close();
  });

  it('reports truncated and garbage frames without stopping', async () => {
    const sim = await MrzReaderSimulator.open({ device: pair.devicePath, framing });
    const lines = await (async () => {
      const truncated = nextEvent<MrzError>((l) => reader.onError(l));
      const full = (await import('@kiosk/test-fixtures/mrz-reader')).cccdMrzLines(
        syntheticCitizen(5),
      );
      await sim.sendRaw(`${full[0]}\r\n${full[1]}\r\n\r\n`);
      expect((await truncated).code).toBe('MRZ_FRAME_TRUNCATED');
      return full;
    })();
    const garbage = nextEvent<MrzError>((l) => reader.onError(l));
    await sim.sendRaw(Buffer.from([0xff, 0x00, 0x41, 0x0d, 0x0a]));
    expect(['MRZ_FRAME_TRUNCATED', 'MRZ_FRAME_GARBAGE']).toContain((await garbage).code);
    const good = nextEvent<MrzDocument>((l) => reader.onDocument(l));
    await sim.sendLines(lines);
    expect((await good).lines).toEqual(lines);
    await sim.close();
  });

  it('goes offline when unplugged and reads again after replug on the same path', async () => {
    const offline = nextEvent<{ status: DeviceStatus }>(
      (l) => reader.onStatus(l),
      (e) => e.status === 'offline',
    );
    await pair.stop();
    await offline;
    expect(reader.isConnected).toBe(false);

    const online = nextEvent<{ status: DeviceStatus }>(
      (l) => reader.onStatus(l),
      (e) => e.status === 'online',
    );
    await pair.start();
    await online;
    const sim = await MrzReaderSimulator.open({ device: pair.devicePath, framing });
    const got = nextEvent<MrzDocument>((l) => reader.onDocument(l));
    const lines = await sim.sendCitizen(7);
    expect((await got).lines).toEqual(lines);
    await sim.close();
  });
});
