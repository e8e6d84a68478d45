import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { VpcdConnection } from './vpcd-connection';

/** A stand-in for vpcd: the server side of the vsmartcard protocol. */
async function fakeVpcd(): Promise<{ port: number; client: Promise<Socket>; close: () => void }> {
  const server = createServer();
  const client = once(server, 'connection').then(([s]) => s as Socket);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, client, close: () => server.close() };
}

function frame(payload: number[]): Buffer {
  return Buffer.from([payload.length >> 8, payload.length & 0xff, ...payload]);
}

async function readFrame(socket: Socket): Promise<number[]> {
  const [chunk] = (await once(socket, 'data')) as [Buffer];
  return [...chunk.subarray(2, 2 + chunk.readUInt16BE(0))];
}

describe('vpcd protocol (card side)', () => {
  it('answers get-ATR, passes power controls on, and answers APDUs split across TCP segments', async () => {
    const vpcd = await fakeVpcd();
    const controls: number[] = [];
    const connection = await VpcdConnection.open('127.0.0.1', vpcd.port, {
      atr: () => Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01),
      control: (c) => controls.push(c),
      apdu: (c) => Promise.resolve(Uint8Array.of(c.length, 0x90, 0x00)),
    });
    const socket = await vpcd.client;
    socket.write(frame([1]));
    socket.write(frame([4]));
    expect(await readFrame(socket)).toEqual([0x3b, 0x80, 0x80, 0x01, 0x01]);
    const apdu = frame([0x00, 0xa4, 0x04, 0x0c, 0x00]);
    socket.write(apdu.subarray(0, 1));
    socket.write(apdu.subarray(1));
    expect(await readFrame(socket)).toEqual([5, 0x90, 0x00]);
    expect(controls).toEqual([1]);
    await connection.close();
    vpcd.close();
  });
});
