import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddressText, splitAddressText } from './address-text';

/** A name part as addresses write them: Vietnamese letters, digits, spaces, "/" — no comma. */
const part = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệĐ0123456789/'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((chars) => chars.join(''));
const words = fc.array(part, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const notDistrict = words.filter((w) => !/^(quận|huyện|thị xã|thành phố|tp|q\.|h\.|tx)/iu.test(w));

describe('splitAddressText', () => {
  it('splits DG13 addresses from the right: province, commune, detail', () => {
    expect(splitAddressText('Số 57 đường Lê Lợi, Phường Thanh Khê, Thành phố Đà Nẵng')).toEqual({
      province: 'Thành phố Đà Nẵng',
      commune: 'Phường Thanh Khê',
      detail: 'Số 57 đường Lê Lợi',
    });
  });

  it('keeps commas inside the street part and recognises an old district', () => {
    expect(
      splitAddressText('Số 5, ngõ 3, phố Huế, Phường Ngô Thì Nhậm, Quận Hai Bà Trưng, Hà Nội'),
    ).toEqual({
      province: 'Hà Nội',
      district: 'Quận Hai Bà Trưng',
      commune: 'Phường Ngô Thì Nhậm',
      detail: 'Số 5, ngõ 3, phố Huế',
    });
  });

  it('handles two parts, one part and empty text', () => {
    expect(splitAddressText('Xã Quỳnh Lưu, Tỉnh Nghệ An')).toEqual({
      province: 'Tỉnh Nghệ An',
      commune: 'Xã Quỳnh Lưu',
    });
    expect(splitAddressText('Nghệ An')).toEqual({ province: '', commune: '', detail: 'Nghệ An' });
    expect(splitAddressText(' , ')).toBeUndefined();
  });

  it('round-trips any two-level address (property)', () => {
    fc.assert(
      fc.property(
        words,
        notDistrict,
        fc.option(fc.array(notDistrict, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        (province, commune, detailParts) => {
          const address = {
            province,
            commune,
            ...(detailParts ? { detail: detailParts.join(', ') } : {}),
          };
          expect(splitAddressText(formatAddressText(address))).toEqual(address);
        },
      ),
    );
  });

  it('round-trips three-level addresses with a district (property)', () => {
    fc.assert(
      fc.property(
        words,
        notDistrict,
        fc.constantFrom('Quận', 'Huyện', 'Thị xã'),
        words,
        notDistrict,
        (province, commune, level, name, detail) => {
          const address = { province, commune, district: `${level} ${name}`, detail };
          expect(splitAddressText(formatAddressText(address))).toEqual(address);
        },
      ),
    );
  });

  it('never throws and never loses text on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const address = splitAddressText(text);
        const kept = (s: string) => s.normalize('NFC').replace(/[\s,]+/gu, '');
        if (address === undefined) expect(kept(text)).toBe('');
        else expect(kept(formatAddressText(address))).toBe(kept(text));
      }),
    );
  });
});
