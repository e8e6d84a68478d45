import { describe, expect, it } from 'vitest';
import { TCVN3_CAPITALS_PAGE, TCVN3_PAGE, decodeTcvn3, encodeTcvn3, isTcvn3Page } from './tcvn3';
import { decodeWindows1258, encodeWindows1258 } from './windows1258';
import { allTonedVowels, allVietnameseLetters, splitTone } from './vietnamese-letters';

/** Characters of foreign names a receipt may meet: the printer gets the nearest plain letter. */
describe('TCVN-3 substitution', () => {
  it.each([
    ['ǹ', 'n'], // n with a grave (a tone mark on a consonant)
    ['ç', 'c'], // a mark that is not a Vietnamese tone
    ['ñ', 'n'],
  ])('prints %s as %s and reports it', (ch, printed) => {
    const encoded = encodeTcvn3(`a${ch}b`);
    expect(encoded.substituted).toEqual([ch]);
    expect(encoded.runs.map((r) => decodeTcvn3(r.bytes, TCVN3_PAGE)).join('')).toBe(`a${printed}b`);
  });

  it('prints "?" for a character with no page and no plain letter, spaces included', () => {
    for (const ch of ['€', '\u2003', '中']) {
      const encoded = encodeTcvn3(ch);
      expect(encoded.substituted).toEqual([ch]);
      expect(encoded.runs).toEqual([{ page: TCVN3_PAGE, bytes: Uint8Array.of(0x3f) }]);
    }
  });

  it('substitutes on the page it is on, without switching', () => {
    const { runs } = encodeTcvn3('Ệǹ');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.page).toBe(TCVN3_CAPITALS_PAGE);
  });

  it('starts on the page it is given and switches back for lower case', () => {
    expect(encodeTcvn3('A', TCVN3_CAPITALS_PAGE).runs[0]?.page).toBe(TCVN3_CAPITALS_PAGE);
    expect(encodeTcvn3('A').runs[0]?.page).toBe(TCVN3_PAGE);
    expect(encodeTcvn3('Ệệ').runs.map((r) => r.page)).toEqual([31, 30]);
  });

  it('knows its two pages', () => {
    expect([29, 30, 31, 32, 52].filter(isTcvn3Page)).toEqual([30, 31]);
  });
});

describe('Windows-1258 substitution', () => {
  it('sends a toned letter the page lacks as base letter and combining tone', () => {
    const { bytes, substituted } = encodeWindows1258('ỹ');
    expect(substituted).toEqual([]);
    expect(bytes).toHaveLength(2);
    expect(decodeWindows1258(bytes)).toBe('ỹ');
  });

  it('prints "?" when the base letter or the tone is missing from the page', () => {
    // n and the combining grave (0xCC) are both on the page, so ǹ is sent as two bytes.
    expect(encodeWindows1258('ǹ')).toEqual({ bytes: Uint8Array.of(0x6e, 0xcc), substituted: [] });
    // ĉ: c is there, the circumflex is not a tone; 中: nothing is there.
    expect(encodeWindows1258('ĉ')).toEqual({ bytes: Uint8Array.of(0x3f), substituted: ['ĉ'] });
    expect(encodeWindows1258('中')).toEqual({ bytes: Uint8Array.of(0x3f), substituted: ['中'] });
  });
});

describe('Vietnamese letters', () => {
  it('lists 12 vowels with their five tones and the bare vowel', () => {
    const vowels = allTonedVowels();
    expect(vowels).toHaveLength(72);
    expect(vowels.slice(0, 6)).toEqual(['a', 'à', 'á', 'ã', 'ả', 'ạ']);
    expect(new Set(vowels).size).toBe(72);
  });

  it('splits a toned letter into its base (composed) and its tone mark', () => {
    expect(splitTone('ệ')).toEqual({ base: 'ê', tone: '\u0323' });
    expect(splitTone('ê')).toEqual({ base: 'ê', tone: undefined });
    expect(splitTone('Ử')).toEqual({ base: 'Ư', tone: '\u0309' });
  });
});

describe('the replacement character', () => {
  it('is never sent as one of the pages\' unassigned bytes: it prints "?"', () => {
    expect(encodeTcvn3('\uFFFD')).toEqual({
      runs: [{ page: TCVN3_PAGE, bytes: Uint8Array.of(0x3f) }],
      substituted: ['\uFFFD'],
    });
    expect(encodeWindows1258('\uFFFD')).toEqual({
      bytes: Uint8Array.of(0x3f),
      substituted: ['\uFFFD'],
    });
  });
});

describe('the letter list the round-trip tests walk', () => {
  it('holds đ and Đ and every capital toned vowel', () => {
    const letters = allVietnameseLetters();
    expect(letters).toContain('đ');
    expect(letters).toContain('Đ');
    expect(letters).toContain('Ệ');
    expect(letters).not.toContain('');
    expect(letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase())).toHaveLength(
      12 * 6 + 1 + 16,
    );
  });
});
