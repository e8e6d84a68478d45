import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type PcscFactory from '@pokusew/pcsclite';
import { PcscTransport } from './pcsc-transport';
import type { TransportEvent } from './card-transport';

/** A scripted stand-in for @pokusew/pcsclite: contexts and readers the test drives. */
class FakeReader extends EventEmitter {
  readonly SCARD_STATE_PRESENT = 0x20;
  readonly SCARD_STATE_MUTE = 0x200;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_RESET_CARD = 1;
  connected = false;
  closed = false;
  constructor(readonly name: string) {
    super();
  }
  close(): void {
    this.closed = true;
  }
}

class FakeContext extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function fakeFactory() {
  const contexts: FakeContext[] = [];
  const created = new EventEmitter();
  let failNext = 0;
  const factory = (() => {
    if (failNext > 0) {
      failNext--;
      throw new Error('SCardEstablishContext error: Service not available.(0x8010001D)');
    }
    const c = new FakeContext();
    contexts.push(c);
    created.emit('context', c);
    return c;
  }) as unknown as typeof PcscFactory;
  const nextContext = (): Promise<FakeContext> =>
    new Promise((resolve) => created.once('context', resolve));
  return { factory, contexts, nextContext, failTimes: (n: number) => (failNext = n) };
}

function nextTick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

describe('PcscTransport (scripted pcsclite)', () => {
  it('reports readers and cards, and re-creates the context after pcscd dies', async () => {
    const fake = fakeFactory();
    const transport = new PcscTransport(fake.factory, { retryMs: 1 });
    const events: string[] = [];
    transport.onEvent((e: TransportEvent) =>
      events.push(`${e.type}${'reader' in e ? `:${e.reader}` : ''}`),
    );
    const first = fake.contexts[0];
    if (!first) throw new Error('no context');
    const reader = new FakeReader('R');
    first.emit('reader', reader);
    reader.emit('status', { state: 0x20, atr: Buffer.from([0x3b, 0x00]) });
    expect(transport.cardPresent('R')).toBe(true);

    fake.failTimes(2);
    const restored = new Promise<void>((resolve) =>
      transport.onEvent((e) => e.type === 'service-restored' && resolve()),
    );
    first.emit('error', new Error('SCardGetStatusChange error: Service was stopped.(0x8010001E)'));
    expect(first.closed).toBe(true);
    expect(reader.closed).toBe(true);
    while (fake.contexts.length < 2) await new Promise((r) => setTimeout(r, 2));
    fake.contexts[1]?.emit('reader', new FakeReader('R'));
    await restored;
    await nextTick();
    expect(events).toEqual([
      'reader-added:R',
      'card-inserted:R',
      'card-removed:R',
      'reader-removed:R',
      'service-lost',
      'service-restored',
      'reader-added:R',
    ]);
    await transport.close();
  });

  it('creates no context while the service probe says pcscd is absent (pcsclite would spin)', async () => {
    const fake = fakeFactory();
    let up = false;
    const probed: boolean[] = [];
    const transport = new PcscTransport(fake.factory, {
      retryMs: 1,
      serviceProbe: () => {
        probed.push(up);
        return Promise.resolve(up);
      },
    });
    const events: string[] = [];
    transport.onEvent((e) => events.push(e.type));
    while (probed.length < 3) await new Promise((r) => setTimeout(r, 2));
    expect(fake.contexts).toHaveLength(0);
    expect(events).toEqual(['service-lost']);

    up = true;
    const context = await fake.nextContext();
    context.emit('reader', new FakeReader('R'));
    expect(events).toEqual(['service-lost', 'service-restored', 'reader-added']);
    await transport.close();
  });
});
