import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isIdCardError } from '../errors';
import type { TransportEvent } from './card-transport';
import { MemoryTransport } from './memory-transport';
import { servePcscHost } from './pcsc-host';
import type { HostChannel } from './pcsc-host-process';
import type { HostMessage, HostRequest } from './pcsc-host-messages';
import { PcscProcessTransport } from './pcsc-process-transport';

const READER = 'Virtual PCD 00 00';
const echoCard = {
  atr: Uint8Array.of(0x3b, 0x80),
  transmit: async (a: Uint8Array) => Uint8Array.of(...a, 0x90, 0x00),
};

/**
 * A host "process" in this thread: servePcscHost over the in-memory twin, with messages cloned
 * as the IPC channel clones them. `hang()` makes it stop answering, `exit()` ends it.
 */
function scriptedHost() {
  const twin = new MemoryTransport();
  const toCore = new Set<(m: unknown) => void>();
  const exits = new Set<() => void>();
  let hung = false;
  let killed = false;
  let requestListener: ((m: unknown) => void) | undefined;
  servePcscHost(
    {
      send: (m: HostMessage) => {
        if (hung || killed) return;
        const copy = structuredClone(m);
        void Promise.resolve().then(() => toCore.forEach((l) => l(copy)));
      },
      onRequest: (l) => (requestListener = l),
    },
    twin,
  );
  const end = () => {
    if (killed) return;
    killed = true;
    void Promise.resolve().then(() => exits.forEach((l) => l()));
  };
  const channel: HostChannel = {
    send: (r: HostRequest) => {
      if (hung || killed) return;
      const copy = structuredClone(r);
      void Promise.resolve().then(() => requestListener?.(copy));
    },
    onMessage: (l) => toCore.add(l),
    onExit: (l) => exits.add(l),
    kill: end,
  };
  return {
    twin,
    channel,
    /** Puts any message on the core's side of the channel, as a confused host would. */
    say: (raw: unknown) => toCore.forEach((l) => l(raw)),
    hang: () => (hung = true),
    exit: end,
    get killed() {
      return killed;
    },
  };
}

type Host = ReturnType<typeof scriptedHost>;

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('PcscProcessTransport (scripted host over the in-memory twin)', () => {
  let hosts: Host[];
  let transport: PcscProcessTransport;
  let events: TransportEvent[];

  beforeEach(() => {
    vi.useFakeTimers();
    hosts = [];
    events = [];
    transport = new PcscProcessTransport({
      heartbeatMs: 1_000,
      hangMs: 3_000,
      backoff: { firstMs: 500, maxMs: 4_000 },
      spawnHost: () => {
        const host = scriptedHost();
        hosts.push(host);
        return host.channel;
      },
    });
    transport.onEvent((e) => events.push(e));
  });

  afterEach(async () => {
    await transport.close();
    vi.useRealTimers();
  });

  const current = (): Host => {
    const host = hosts.at(-1);
    if (!host) throw new Error('no host started');
    return host;
  };

  it('mirrors the host readers and cards and exchanges APDUs through it', async () => {
    current().twin.addReader(READER);
    current().twin.insertCard(READER, echoCard);
    await flush();
    expect(transport.readers()).toEqual([READER]);
    expect(transport.cardPresent(READER)).toBe(true);
    const connection = await transport.connect(READER);
    expect([...connection.atr]).toEqual([0x3b, 0x80]);
    expect([...(await connection.transmit(Uint8Array.of(0x00, 0xa4)))]).toEqual([
      0x00, 0xa4, 0x90, 0x00,
    ]);
    await connection.disconnect();
    current().twin.removeCard(READER);
    await flush();
    expect(transport.cardPresent(READER)).toBe(false);
  });

  it('kills a host that stops answering, reports the reader gone, and restarts it', async () => {
    current().twin.addReader(READER);
    await flush();
    const first = current();
    first.hang();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(first.killed).toBe(true);
    expect(transport.readers()).toEqual([]);
    expect(events).toContainEqual({ type: 'reader-removed', reader: READER });
    expect(events.some((e) => e.type === 'service-lost')).toBe(true);

    await vi.advanceTimersByTimeAsync(500);
    expect(hosts).toHaveLength(2);
    current().twin.addReader(READER);
    await flush();
    expect(transport.readers()).toEqual([READER]);
    expect(events.at(-2)).toEqual({ type: 'service-restored' });
    expect(events.at(-1)).toEqual({ type: 'reader-added', reader: READER });
  });

  it('fails a read in flight with READER_GONE when the host dies, and backs off its restarts', async () => {
    current().twin.addReader(READER);
    let answer: (() => void) | undefined;
    current().twin.insertCard(READER, {
      atr: Uint8Array.of(0x3b),
      transmit: () => new Promise((resolve) => (answer = () => resolve(Uint8Array.of(0x90, 0)))),
    });
    await flush();
    const connection = await transport.connect(READER);
    const inFlight = connection.transmit(Uint8Array.of(0x00)).catch((e: unknown) => e);
    await flush();
    current().exit();
    await flush();
    const error = await inFlight;
    expect(isIdCardError(error, 'READER_GONE')).toBe(true);
    answer?.();
    // The old session is gone for good: the new host never saw it.
    await expect(connection.transmit(Uint8Array.of(0x00))).rejects.toMatchObject({
      code: 'READER_GONE',
    });

    const startsAfter = async (ms: number): Promise<number> => {
      const before = hosts.length;
      await vi.advanceTimersByTimeAsync(ms - 1);
      expect(hosts).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(hosts).toHaveLength(before + 1);
      current().exit();
      await flush();
      return ms;
    };
    expect(await startsAfter(500)).toBe(500);
    expect(await startsAfter(1_000)).toBe(1_000);
    expect(await startsAfter(2_000)).toBe(2_000);
    expect(await startsAfter(4_000)).toBe(4_000);
    expect(await startsAfter(4_000)).toBe(4_000);
  });

  it('ends a host that says what the core does not accept', async () => {
    const first = current();
    first.say({
      type: 'event',
      event: { type: 'card-inserted', reader: READER, atr: 'not bytes' },
    });
    await flush();
    expect(first.killed).toBe(true);
    expect(events.some((e) => e.type === 'service-lost')).toBe(true);
  });
});
