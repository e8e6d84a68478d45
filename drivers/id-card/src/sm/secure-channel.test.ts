import { describe, expect, it } from 'vitest';
import { SecureChannel } from './secure-channel';
import { SecureMessaging } from './secure-messaging';
import { tripleDesSmCipher } from './sm-cipher';
import type { ApduSender } from '../apdu/card-channel';
import type { CommandApdu } from '../apdu/command-apdu';
import type { ResponseApdu } from '../apdu/response-apdu';
import { fromHex, hex } from '../util/bytes';
import { idCardRejection } from '../testing/id-card-failure';

/** ICAO 9303 Part 11 appendix D.3 session keys. */
const cipher = () =>
  tripleDesSmCipher(
    fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
    fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
  );
const SSC = fromHex('887022120C06C226');

/** A card that answers each protected command with `answer(plain command)`, protected. */
function card(answer: (plain: CommandApdu) => ResponseApdu): ApduSender {
  const sm = new SecureMessaging(cipher(), SSC);
  return {
    send: (apdu) => Promise.resolve(sm.protectResponse(answer(sm.unprotectCommand(apdu)))),
  };
}

/** A card (or reader) that answers `response` in plain, without looking at the command. */
function plainly(response: ResponseApdu): ApduSender & { sent: CommandApdu[] } {
  const sent: CommandApdu[] = [];
  return { sent, send: (apdu) => (sent.push(apdu), Promise.resolve(response)) };
}

describe('SecureChannel', () => {
  it('sends commands protected and returns the plain answer', async () => {
    const seen: CommandApdu[] = [];
    const channel = new SecureChannel(
      card((plain) => (seen.push(plain), { data: fromHex('60145F01'), sw: 0x9000 })),
      new SecureMessaging(cipher(), SSC),
    );
    const answer = await channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(answer).toEqual({ data: fromHex('60145F01'), sw: 0x9000 });
    expect(seen).toEqual([{ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }]);
    expect(hex(channel.sm.ssc)).toBe('887022120C06C228');
  });

  it.each([0x6700, 0x6c00, 0x6f00, 0x6c10])(
    'rewinds the counter when the card refuses an extended command in plain (SW %s)',
    async (sw) => {
      const inner = plainly({ data: new Uint8Array(0), sw });
      const channel = new SecureChannel(inner, new SecureMessaging(cipher(), SSC));
      const error = await idCardRejection(
        channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 }),
      );
      expect(error.code).toBe('APDU_STATUS');
      expect(error.message).toBe('the card refused an extended-length APDU');
      expect(error.sw).toBe(sw);
      expect(inner.sent[0]?.ne).toBe(65536);
      expect(hex(channel.sm.ssc)).toBe(hex(SSC));
    },
  );

  it('keeps the counter moving when the refused command was a short one', async () => {
    const channel = new SecureChannel(
      plainly({ data: new Uint8Array(0), sw: 0x6700 }),
      new SecureMessaging(cipher(), SSC),
    );
    const error = await idCardRejection(channel.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }));
    expect(error.message).toMatch(/^READ BINARY: /);
    expect(hex(channel.sm.ssc)).toBe('887022120C06C228');
  });

  it('does not rewind for other plain errors or for answers with data', async () => {
    const notFound = new SecureChannel(
      plainly({ data: new Uint8Array(0), sw: 0x6a82 }),
      new SecureMessaging(cipher(), SSC),
    );
    const error = await idCardRejection(
      notFound.send({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, ne: 1000 }),
    );
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toMatch(/^SELECT: /);
    expect(hex(notFound.sm.ssc)).toBe('887022120C06C228');

    const withData = new SecureChannel(
      plainly({ data: fromHex('0102'), sw: 0x6700 }),
      new SecureMessaging(cipher(), SSC),
    );
    await idCardRejection(withData.send({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 }));
    expect(hex(withData.sm.ssc)).toBe('887022120C06C228');
  });

  it('names READ BINARY with an odd INS and other commands by their INS', async () => {
    for (const [ins, name] of [
      [0xb1, 'READ BINARY'],
      [0x2a, 'INS 2A'],
      [0x8e, 'INS 8E'],
    ] as const) {
      const channel = new SecureChannel(
        plainly({ data: new Uint8Array(0), sw: 0x6a80 }),
        new SecureMessaging(cipher(), SSC),
      );
      const error = await idCardRejection(channel.send({ cla: 0, ins, p1: 0, p2: 0, ne: 4 }));
      expect(error.message.startsWith(`${name}: `)).toBe(true);
    }
  });
});
