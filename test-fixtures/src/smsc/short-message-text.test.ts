import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUserDataHeader } from './concatenated-sms';
import {
  DATA_CODING,
  ShortMessageDecodeError,
  decodeGsm7,
  shortMessageText,
} from './short-message-text';

describe('short message text', () => {
  it('reads GSM 7-bit septets of the default table and its extension (3GPP TS 23.038 §6.2.1)', () => {
    // "Hồ sơ" cannot be sent in GSM 7-bit; the unaccented text can, one septet per letter.
    expect(decodeGsm7(Uint8Array.from([0x48, 0x6f, 0x20, 0x73, 0x6f]))).toBe('Ho so');
    expect(decodeGsm7(Uint8Array.from([0x00, 0x02, 0x11, 0x7f, 0x1b, 0x65, 0x1b, 0x3c]))).toBe(
      '@$_à€[',
    );
  });

  it('reads UCS-2 and refuses an odd length', () => {
    expect(shortMessageText(DATA_CODING.ucs2, Uint8Array.from([0x1e, 0xd3]))).toBe('ồ');
    expect(() => shortMessageText(DATA_CODING.ucs2, Uint8Array.from([0x00]))).toThrow(
      ShortMessageDecodeError,
    );
  });

  it('never fails on bytes other than with a typed error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 200 }),
        (dc, bytes) => {
          try {
            expect(typeof shortMessageText(dc, bytes)).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(ShortMessageDecodeError);
          }
        },
      ),
    );
  });

  it('reads any user data header without throwing, and finds the concatenation element', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => splitUserDataHeader(bytes)).not.toThrow();
      }),
    );
    expect(splitUserDataHeader(Uint8Array.from([5, 0, 3, 0x2a, 2, 1, 0x41]))).toEqual({
      concat: { reference: 0x2a, total: 2, sequence: 1 },
      text: Uint8Array.from([0x41]),
    });
  });
});
