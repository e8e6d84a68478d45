import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wrapColumns } from './wrap-text';

describe('wrapColumns', () => {
  it('wraps Vietnamese at word boundaries', () => {
    expect(wrapColumns('Thời gian hẹn trả kết quả: 08 giờ 30', 16)).toEqual([
      'Thời gian hẹn',
      'trả kết quả: 08',
      'giờ 30',
    ]);
  });

  it('breaks a word longer than a line', () => {
    expect(wrapColumns('https://dichvucong.example.vn/tra-cuu', 12)).toEqual([
      'https://dich',
      'vucong.examp',
      'le.vn/tra-cu',
      'u',
    ]);
  });

  it('keeps every word, in order, within the width (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zđơưăâêô]{1,20}$/), { maxLength: 30 }),
        fc.integer({ min: 2, max: 48 }),
        (words, columns) => {
          const lines = wrapColumns(words.join(' '), columns);
          for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
          expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
        },
      ),
    );
  });
});
