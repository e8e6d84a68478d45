import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCommandApdu, encodeCommandApdu } from './command-apdu';
import { CardChannel } from './card-channel';
import { fromHex, hex } from '../util/bytes';
import { isIdCardError } from '../errors';

describe('command APDUs (ISO 7816-4 §5.1)', () => {
  it('encodes the four cases, short and extended', () => {
    expect(
      hex(encodeCommandApdu({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') })),
    ).toBe('00A4020C02011E');
    expect(hex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 }))).toBe('00B0000000');
    expect(hex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 }))).toBe(
      '00B00000000000',
    );
    expect(hex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 }))).toBe(
      '00B000000003E8',
    );
    expect(
      hex(
        encodeCommandApdu({ cla: 0, ins: 0x2a, p1: 0, p2: 0, data: new Uint8Array(300), ne: 256 }),
      ).slice(0, 14),
    ).toBe('002A000000012C');
  });

  it('decodes what it encodes (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.integer({ min: 0, max: 65536 }),
        (data, ne) => {
          const d = decodeCommandApdu(
            encodeCommandApdu({ cla: 0x0c, ins: 0xb0, p1: 1, p2: 2, data, ne }),
          );
          expect(d.data ? hex(d.data) : '').toBe(hex(data));
          expect(d.ne ?? 0).toBe(ne);
        },
      ),
    );
  });

  it('rejects malformed APDUs with APDU_MALFORMED only (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        try {
          decodeCommandApdu(bytes);
        } catch (e) {
          expect(isIdCardError(e, 'APDU_MALFORMED')).toBe(true);
        }
      }),
    );
  });
});

describe('CardChannel', () => {
  it('follows 61xx with GET RESPONSE and retries 6Cxx with the right Le', async () => {
    const answers = [fromHex('6C08'), fromHex('0102036104'), fromHex('040506079000')];
    const sent: string[] = [];
    const channel = new CardChannel({
      transmit: (apdu) => {
        sent.push(hex(apdu));
        return Promise.resolve(answers.shift() ?? fromHex('6F00'));
      },
    });
    const r = await channel.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 256 });
    expect(sent).toEqual(['0084000000', '0084000008', '00C0000004']);
    expect(hex(r.data)).toBe('01020304050607');
    expect(r.sw).toBe(0x9000);
    expect(channel.stats.apdus).toBe(3);
  });

  it('chains long data in 255-byte pieces (CLA b5)', async () => {
    const sent: Uint8Array[] = [];
    const channel = new CardChannel({
      transmit: (apdu) => (sent.push(apdu), Promise.resolve(fromHex('9000'))),
    });
    await channel.sendChained({ cla: 0, ins: 0x2a, p1: 0, p2: 0, data: new Uint8Array(600) });
    expect(sent.map((a) => a[0])).toEqual([0x10, 0x10, 0x00]);
  });
});
