import { describe, expect, it } from 'vitest';
import { StatusEmitter } from '../status-emitter';
import type { DeviceStatusEvent } from '../device-state';
import { MemorySerialPorts } from './memory-serial-ports';
import { SerialPresenceWatcher } from './serial-presence-watcher';
import type { SerialLink } from './serial-ports';

const PATH = '/dev/ttyUSB0';

function setup(missesBeforeGone = 2) {
  const ports = new MemorySerialPorts();
  const status = new StatusEmitter('serial:/dev/ttyUSB0');
  const events: DeviceStatusEvent[] = [];
  status.on((e) => events.push(e));
  const links: SerialLink[] = [];
  let lost = 0;
  const watcher = new SerialPresenceWatcher({
    ports,
    open: { path: PATH, baudRate: 9600 },
    label: 'serial test device',
    status,
    pollIntervalMs: 0,
    missesBeforeGone,
    onLink: (link) => links.push(link),
    onLost: () => (lost += 1),
  });
  return { ports, watcher, events, links, lost: () => lost };
}

describe('SerialPresenceWatcher', () => {
  it('reports an absent device offline at start and opens it once it appears', async () => {
    const { ports, watcher, events, links } = setup();
    await watcher.start();
    expect(events.map((e) => [e.status, e.detail])).toEqual([
      ['offline', 'serial test device not present'],
    ]);
    ports.plug(PATH);
    await watcher.poll();
    expect(events.at(-1)?.status).toBe('online');
    expect(links).toHaveLength(1);
    expect(watcher.link).toBe(links[0]);
    await watcher.stop();
    expect(ports.isOpen(PATH)).toBe(false);
  });

  it('goes offline when the link closes with an error and reopens on the same path', async () => {
    const { ports, watcher, events, links, lost } = setup();
    ports.plug(PATH);
    await watcher.start();
    ports.unplug(PATH);
    expect(events.at(-1)?.status).toBe('offline');
    expect(events.at(-1)?.detail).toMatch(/^serial link lost: /);
    expect(lost()).toBe(1);
    await watcher.poll();
    ports.plug(PATH);
    await watcher.poll();
    expect(events.map((e) => e.status)).toEqual(['online', 'offline', 'online']);
    expect(links).toHaveLength(2);
    expect(ports.opens).toBe(2);
    await watcher.stop();
  });

  it('declares a vanished node gone only after the configured misses (debounce)', async () => {
    // A device whose node vanishes while its link stays up (a pcscd-style flap): only polls see it.
    const ports = new MemorySerialPorts();
    const status = new StatusEmitter('x');
    const seen: string[] = [];
    status.on((e) => seen.push(e.status));
    let present = true;
    const flapping = new SerialPresenceWatcher({
      ports: {
        list: () => ports.list(),
        open: (o) => ports.open(o),
        exists: async () => present,
      },
      open: { path: PATH, baudRate: 9600 },
      label: 'flapping device',
      status,
      pollIntervalMs: 0,
      missesBeforeGone: 3,
      onLink: () => undefined,
    });
    ports.plug(PATH);
    await flapping.start();
    present = false;
    await flapping.poll();
    await flapping.poll();
    present = true;
    await flapping.poll();
    present = false;
    await flapping.poll();
    await flapping.poll();
    expect(seen).toEqual(['online']);
    await flapping.poll();
    expect(seen).toEqual(['online', 'offline']);
    expect(ports.isOpen(PATH)).toBe(false);
    await flapping.stop();
  });

  it('reports why a present device cannot be opened (held by another program)', async () => {
    const { ports, watcher, events } = setup();
    ports.plug(PATH);
    const other = await ports.open({ path: PATH, baudRate: 9600 });
    await watcher.start();
    expect(events.map((e) => e.status)).toEqual(['offline']);
    expect(events[0]?.detail).toMatch(/Cannot lock port/);
    await other.close();
    await watcher.poll();
    expect(events.at(-1)?.status).toBe('online');
    await watcher.stop();
  });

  it('closes a link that finishes opening after stop', async () => {
    const { ports, watcher } = setup();
    ports.plug(PATH);
    const starting = watcher.start();
    await watcher.stop();
    await starting;
    expect(ports.isOpen(PATH)).toBe(false);
  });
});
