import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_UNAUTHORISED } from '@kiosk/protocol';
import type { EndpointSource } from './core-endpoint';
import { KioskClient } from './kiosk-client';

/** A stand-in for the browser's WebSocket: records URLs, closes when the test says so. */
class FakeSocket {
  static readonly OPEN = 1;
  static opened: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(): void {}
  close(): void {}
  serverCloses(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeSocket.opened = [];
});

describe('KioskClient reconnecting', () => {
  it('asks its endpoint source for each connection, and for a new credential after 4401', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    let n = 0;
    let refused = 0;
    const source: EndpointSource = {
      shell: 'electron',
      socketUrl: async () => `ws://127.0.0.1:1/api?token=t${++n}`,
      credentialRefused: () => {
        refused += 1;
      },
    };
    const client = new KioskClient(source);
    client.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://127.0.0.1:1/api?token=t1']);

    FakeSocket.opened[0]?.serverCloses(1006); // the core died
    await vi.advanceTimersByTimeAsync(250);
    expect(refused).toBe(0);
    FakeSocket.opened[1]?.serverCloses(CLOSE_UNAUTHORISED); // a new core, our token is old
    expect(refused).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.opened.map((s) => s.url)).toEqual([
      'ws://127.0.0.1:1/api?token=t1',
      'ws://127.0.0.1:1/api?token=t2',
      'ws://127.0.0.1:1/api?token=t3',
    ]);
    client.close();
  });
});
