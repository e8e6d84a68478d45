import { createServer, Socket, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpFaultProxy, type TcpFaultProxy } from '../src/net';

/** A target that keeps what it receives and echoes it back. */
async function startEchoSink(): Promise<{
  port: number;
  received: () => number;
  closed: Promise<void>;
  server: Server;
}> {
  let received = 0;
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const server = createServer((socket) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      socket.write(chunk);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => onClosed());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received: () => received,
    closed,
    server,
  };
}

async function connect(port: number): Promise<{ socket: Socket; echoed: () => number }> {
  const socket = new Socket();
  let echoed = 0;
  socket.on('data', (chunk: Buffer) => (echoed += chunk.length));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', () => resolve()));
  return { socket, echoed: () => echoed };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function setup(): Promise<{
  sink: Awaited<ReturnType<typeof startEchoSink>>;
  proxy: TcpFaultProxy;
}> {
  const sink = await startEchoSink();
  cleanup.push(() => new Promise<void>((resolve) => sink.server.close(() => resolve())));
  const proxy = await startTcpFaultProxy({ target: { host: '127.0.0.1', port: sink.port } });
  cleanup.push(() => proxy.close());
  return { sink, proxy };
}

describe('TCP fault proxy', () => {
  it('forwards both ways until a fault is armed', async () => {
    const { sink, proxy } = await setup();
    const client = await connect(proxy.port);
    cleanup.push(() => void client.socket.destroy());
    const echoed = new Promise<void>((resolve) =>
      client.socket.on('data', () => client.echoed() === 300 && resolve()),
    );
    client.socket.write(Buffer.alloc(300, 0x41));
    await echoed;
    expect(sink.received()).toBe(300);
    expect(proxy.forwarded).toBe(300);
  });

  it('cut after N bytes: the target gets exactly N bytes, then both sides are closed', async () => {
    const { sink, proxy } = await setup();
    const client = await connect(proxy.port);
    const clientClosed = new Promise<void>((resolve) =>
      client.socket.once('close', () => resolve()),
    );
    proxy.cutAfter(100);
    client.socket.write(Buffer.alloc(250, 0x42));
    expect(await proxy.triggered).toBe('cut');
    await Promise.all([clientClosed, sink.closed]);
    expect(sink.received()).toBe(100);
    expect(proxy.forwarded).toBe(100);
  });

  it('stall after N bytes: the target gets exactly N bytes and nothing comes back; the next connection passes', async () => {
    const { sink, proxy } = await setup();
    const client = await connect(proxy.port);
    cleanup.push(() => void client.socket.destroy());
    proxy.stallAfter(10);
    client.socket.write(Buffer.alloc(40, 0x43));
    expect(await proxy.triggered).toBe('stall');
    client.socket.write(Buffer.alloc(40, 0x44));
    // The fault is spent: a new connection is forwarded and echoed, the stalled one still is not.
    const next = await connect(proxy.port);
    cleanup.push(() => void next.socket.destroy());
    const echoed = new Promise<void>((resolve) =>
      next.socket.on('data', () => next.echoed() === 5 && resolve()),
    );
    next.socket.write(Buffer.alloc(5, 0x45));
    await echoed;
    expect(sink.received()).toBe(15);
    expect(client.echoed()).toBe(0);
    expect(client.socket.destroyed).toBe(false);
    expect(proxy.connections).toBe(2);
  });
});
