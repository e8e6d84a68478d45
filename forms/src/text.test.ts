import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepNfc, normaliseForSearch } from './text';

/** Vietnamese letters with their base letter, the whole alphabet with tones. */
const LETTERS: Record<string, string> = {};
const FAMILIES: [string, string][] = [
  ['a', 'aàáảãạăằắẳẵặâầấẩẫậ'],
  ['e', 'eèéẻẽẹêềếểễệ'],
  ['i', 'iìíỉĩị'],
  ['o', 'oòóỏõọôồốổỗộơờớởỡợ'],
  ['u', 'uùúủũụưừứửữự'],
  ['y', 'yỳýỷỹỵ'],
  ['d', 'dđ'],
];
for (const [base, family] of FAMILIES) {
  for (const letter of family) {
    LETTERS[letter] = base;
    LETTERS[letter.toUpperCase()] = base;
  }
}
for (const letter of 'bcghklmnpqrstvx') {
  LETTERS[letter] = letter;
  LETTERS[letter.toUpperCase()] = letter;
}

const vietnameseWord = fc
  .array(fc.constantFrom(...Object.keys(LETTERS)), { minLength: 1, maxLength: 12 })
  .map((letters) => letters.join(''));

describe('normaliseForSearch', () => {
  it('maps every Vietnamese letter to its base letter, whether typed NFC or NFD', () => {
    fc.assert(
      fc.property(fc.array(vietnameseWord, { minLength: 1, maxLength: 5 }), (words) => {
        const expected = words
          .map((word) => [...word].map((letter) => LETTERS[letter]).join(''))
          .join(' ');
        const text = words.join(' ');
        expect(normaliseForSearch(text.normalize('NFC'))).toBe(expected);
        expect(normaliseForSearch(text.normalize('NFD'))).toBe(expected);
      }),
    );
  });

  it('is idempotent and leaves no marks, no đ and no upper case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseForSearch(text);
        expect(normaliseForSearch(once)).toBe(once);
        expect(once).not.toMatch(/[\p{Mn}đĐ]/u);
        expect(once).toBe(once.toLowerCase());
      }),
    );
  });

  it('finds “thường trú” from “thuong tru” and “Đăng ký” from “dang ky”', () => {
    expect(normaliseForSearch('Đăng ký thường trú')).toBe('dang ky thuong tru');
    expect(normaliseForSearch('  ĐĂNG   KÝ, tạm-trú ')).toBe('dang ky tam tru');
  });
});

describe('deepNfc', () => {
  it('normalises strings at any depth, keys included, and keeps other values', () => {
    const nfd = 'Hộ tịch'.normalize('NFD');
    expect(deepNfc({ [nfd]: [nfd, 3, true, null, { a: nfd }] })).toEqual({
      'Hộ tịch': ['Hộ tịch', 3, true, null, { a: 'Hộ tịch' }],
    });
  });
});
