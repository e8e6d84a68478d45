import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeWindows1258, encodeWindows1258 } from './windows1258';
import { allVietnameseLetters } from './vietnamese-letters';

describe('windows-1258', () => {
  it('sends the composed base letter first, then the tone mark', () => {
    // ệ = ê (0xEA) + dot below (0xF2); plain NFD would give e + U+0302 (not in the page)
    expect([...encodeWindows1258('ệ').bytes]).toEqual([0xea, 0xf2]);
    expect([...encodeWindows1258('Ở').bytes]).toEqual([0xd5, 0xd2]);
    expect([...encodeWindows1258('đ').bytes]).toEqual([0xf0]);
    expect([...encodeWindows1258('Đ').bytes]).toEqual([0xd0]);
    expect([...encodeWindows1258('á').bytes]).toEqual([0xe1]);
  });

  it('round-trips every Vietnamese letter with every tone, both cases', () => {
    for (const letter of allVietnameseLetters()) {
      const encoded = encodeWindows1258(letter);
      expect(encoded.substituted, letter).toEqual([]);
      expect(decodeWindows1258(encoded.bytes), letter).toBe(letter);
    }
  });

  it('round-trips Vietnamese text given in NFD (property)', () => {
    const alphabet = [...allVietnameseLetters(), ...' 0123456789.,:-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const encoded = encodeWindows1258(text.normalize('NFD'));
        expect(decodeWindows1258(encoded.bytes)).toBe(text);
      }),
    );
  });

  it('marks characters the page lacks', () => {
    expect(encodeWindows1258('中').substituted).toEqual(['中']);
  });
});
