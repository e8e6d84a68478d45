import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latinUpperName } from './latin-name';

describe('latinUpperName', () => {
  it('removes tones, vowel marks and the đ stroke', () => {
    expect(latinUpperName('Nguyễn  Thị Ánh')).toBe('NGUYEN THI ANH');
    expect(latinUpperName('Đặng Đức Thắng')).toBe('DANG DUC THANG');
    expect(latinUpperName('Trương Ngọc Ẩn'.normalize('NFD'))).toBe('TRUONG NGOC AN');
  });
  it('leaves only A–Z and single spaces for Vietnamese text', () => {
    const letters = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()))),
        (chars) => {
          expect(latinUpperName(chars.join(''))).toMatch(/^([A-Z]+( [A-Z]+)*)?$/);
        },
      ),
    );
  });
});
