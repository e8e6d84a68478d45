import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTlv, readTlv, readTlvHeader, readTlvList } from './ber-tlv';
import { fromHex, hex } from '../util/bytes';
import { isIdCardError } from '../errors';

describe('BER-TLV', () => {
  it('reads two-byte tags and long-form lengths', () => {
    const tlv = readTlv(fromHex('5F1F 81 02 4142'));
    expect(tlv.tag).toBe(0x5f1f);
    expect(hex(tlv.value)).toBe('4142');
    const header = readTlvHeader(fromHex('7F61 82 0100'));
    expect(header).toMatchObject({ tag: 0x7f61, constructed: true, valueLength: 256 });
  });

  it('encodes what it reads (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x02, 0x30, 0x5f1f, 0x7f61, 0x5f2e, 0x6d),
        fc.uint8Array({ maxLength: 70000 }),
        (tag, value) => {
          const tlv = readTlv(encodeTlv(tag, value));
          expect(tlv.tag).toBe(tag);
          expect(Buffer.from(tlv.value).equals(Buffer.from(value))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects indefinite lengths and truncated values', () => {
    expect(() => readTlv(fromHex('30 80 0000'))).toThrow(/indefinite/);
    expect(() => readTlv(fromHex('04 05 0102'))).toThrow(/past the end/);
  });

  it('never throws anything but TLV_MALFORMED on random bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          readTlvList(bytes);
        } catch (e) {
          expect(isIdCardError(e, 'TLV_MALFORMED')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
