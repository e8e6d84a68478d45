import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTone } from './vietnamese-typing';

describe('Vietnamese tone placement', () => {
  it.each([
    ['Nguyên', 'nga', 'Nguyễn'],
    ['Nguyen', 'nga', 'Nguyẽn'],
    ['Hoa', 'huyen', 'Hoà'],
    ['tuong', 'huyen', 'tuòng'],
    ['thuơng', 'huyen', 'thuờng'],
    ['Viet', 'nang', 'Viẹt'],
    ['Việt Nam', 'sac', 'Việt Nám'],
    ['mai', 'sac', 'mái'],
    ['quy', 'sac', 'quý'],
  ] as const)('%s + %s → %s', (text, tone, expected) => {
    expect(applyTone(text, tone)).toBe(expected);
  });

  it('replaces an earlier tone instead of stacking marks', () => {
    expect(applyTone(applyTone('ma', 'sac'), 'huyen')).toBe('mà');
  });

  it('always returns NFC text and never changes words without vowels (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcdeiouyđăâêôơư '.split('')), maxLength: 20 }),
        fc.constantFrom('sac', 'huyen', 'hoi', 'nga', 'nang' as const),
        (text, tone) => {
          const out = applyTone(text, tone);
          expect(out).toBe(out.normalize('NFC'));
          expect([...out].length).toBe([...text.normalize('NFC')].length);
        },
      ),
    );
  });
});
