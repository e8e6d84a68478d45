/**
 * The SMSC simulator's session rules (SMPP v3.4 §2.2, §4) over a raw TCP socket: what an ESME
 * that gets the order wrong, or sends garbage, is answered.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMMAND_ID,
  COMMAND_STATUS,
  DEFAULT_SMSC_PASSWORD,
  DEFAULT_SMSC_SYSTEM_ID,
  decodePdu,
  encodePdu,
  startSmscSimulator,
  type SmscSimulator,
} from '../src/smsc';

let smsc: SmscSimulator | undefined;
let socket: Socket | undefined;
afterEach(async () => {
  socket?.destroy();
  await smsc?.close();
  smsc = undefined;
});

const cOctet = (text: string) => [...Buffer.from(text, 'latin1'), 0];

function bindBody(password: string): Uint8Array {
  return Uint8Array.from([
    ...cOctet(DEFAULT_SMSC_SYSTEM_ID),
    ...cOctet(password),
    ...cOctet(''),
    0x34,
    0,
    0,
    ...cOctet(''),
  ]);
}

function submitBody(text: string): Uint8Array {
  const message = [...Buffer.from(text, 'latin1')];
  return Uint8Array.from([
    ...cOctet(''),
    3,
    0,
    ...cOctet('8088'),
    1,
    1,
    ...cOctet('84912345678'),
    0,
    0,
    0,
    ...cOctet(''),
    ...cOctet(''),
    0,
    0,
    0,
    0,
    message.length,
    ...message,
  ]);
}

/** A connection that reads whole response PDUs one by one. */
async function open(port: number) {
  const s = connect(port, '127.0.0.1');
  socket = s;
  await new Promise<void>((resolve) => s.once('connect', () => resolve()));
  let buffered = Buffer.alloc(0);
  const waiting: (() => void)[] = [];
  let closed = false;
  s.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    waiting.splice(0).forEach((w) => w());
  });
  s.on('close', () => {
    closed = true;
    waiting.splice(0).forEach((w) => w());
  });
  return {
    send: (bytes: Uint8Array) => s.write(bytes),
    async next() {
      for (;;) {
        if (buffered.length >= 4 && buffered.length >= buffered.readUInt32BE(0)) {
          const length = buffered.readUInt32BE(0);
          const pdu = decodePdu(buffered.subarray(0, length));
          buffered = buffered.subarray(length);
          return pdu;
        }
        if (closed) throw new Error('closed');
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    closed: () =>
      closed ? Promise.resolve() : new Promise<void>((resolve) => s.once('close', resolve)),
  };
}

describe('SMSC simulator sessions', () => {
  it('refuses submit_sm before a bind, accepts it after, answers enquire_link and unbind', async () => {
    smsc = await startSmscSimulator();
    const esme = await open(smsc.port);
    esme.send(encodePdu(COMMAND_ID.submit_sm, 0, 1, submitBody('Ho so')));
    expect(await esme.next()).toMatchObject({
      command: 'submit_sm_resp',
      commandStatus: COMMAND_STATUS.ESME_RINVBNDSTS,
      sequenceNumber: 1,
    });
    esme.send(encodePdu(COMMAND_ID.bind_transmitter, 0, 2, bindBody(DEFAULT_SMSC_PASSWORD)));
    expect(await esme.next()).toMatchObject({
      command: 'bind_transmitter_resp',
      commandStatus: COMMAND_STATUS.ESME_ROK,
      sequenceNumber: 2,
    });
    esme.send(encodePdu(COMMAND_ID.bind_transmitter, 0, 3, bindBody(DEFAULT_SMSC_PASSWORD)));
    expect(await esme.next()).toMatchObject({ commandStatus: COMMAND_STATUS.ESME_RALYBND });
    esme.send(encodePdu(COMMAND_ID.submit_sm, 0, 4, submitBody('Ho so')));
    expect(await esme.next()).toMatchObject({
      command: 'submit_sm_resp',
      commandStatus: COMMAND_STATUS.ESME_ROK,
    });
    esme.send(encodePdu(COMMAND_ID.enquire_link, 0, 5));
    expect(await esme.next()).toMatchObject({ command: 'enquire_link_resp', sequenceNumber: 5 });
    esme.send(encodePdu(COMMAND_ID.unbind, 0, 6));
    expect(await esme.next()).toMatchObject({ command: 'unbind_resp', sequenceNumber: 6 });
    await esme.closed();
    expect(smsc.messages().map((m) => m.text)).toEqual(['Ho so']);
  });

  it('refuses a wrong password with ESME_RINVPASWD and stays unbound', async () => {
    smsc = await startSmscSimulator();
    const esme = await open(smsc.port);
    esme.send(encodePdu(COMMAND_ID.bind_transceiver, 0, 1, bindBody('wrong')));
    expect(await esme.next()).toMatchObject({
      command: 'bind_transceiver_resp',
      commandStatus: COMMAND_STATUS.ESME_RINVPASWD,
    });
    esme.send(encodePdu(COMMAND_ID.submit_sm, 0, 2, submitBody('x')));
    expect(await esme.next()).toMatchObject({ commandStatus: COMMAND_STATUS.ESME_RINVBNDSTS });
    expect(smsc.messages()).toEqual([]);
  });

  it('answers an unknown command with generic_nack and garbage with generic_nack and a close', async () => {
    smsc = await startSmscSimulator();
    const esme = await open(smsc.port);
    esme.send(encodePdu(0x00000099, 0, 7));
    expect(await esme.next()).toMatchObject({
      command: 'generic_nack',
      commandStatus: COMMAND_STATUS.ESME_RINVCMDID,
      sequenceNumber: 7,
    });
    esme.send(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    expect(await esme.next()).toMatchObject({
      command: 'generic_nack',
      commandStatus: COMMAND_STATUS.ESME_RINVCMDLEN,
    });
    await esme.closed();
  });
});
