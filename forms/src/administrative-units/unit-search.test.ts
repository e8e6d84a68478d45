import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communesOf, currentUnits } from './current-units';
import { unitNameKey } from './unit-name';
import { searchUnits } from './unit-search';

describe('searching units without accents', () => {
  it('finds a ward typed without diacritics or type word', () => {
    expect(searchUnits(communesOf('01'), 'ba dinh')[0]?.name).toBe('Phường Ba Đình');
    expect(searchUnits(currentUnits().provinces, 'hue')[0]?.name).toBe('Thành phố Huế');
    expect(searchUnits(currentUnits().provinces, 'Đà Nẵng')[0]?.code).toBe('48');
    expect(searchUnits(currentUnits().provinces, 'dak')[0]?.name).toBe('Tỉnh Đắk Lắk');
  });

  it('puts names that begin with the text before names that contain it', () => {
    const names = searchUnits(communesOf('01'), 'dong').map((c) => c.name);
    // "Đống Đa", "Đông Anh" begin with it; "Phù Đổng", "Hà Đông" only have a word that does.
    expect(names.indexOf('Phường Đống Đa')).toBeLessThan(names.indexOf('Phường Hà Đông'));
    expect(names.indexOf('Xã Đông Anh')).toBeLessThan(names.indexOf('Xã Phù Đổng'));
  });

  it('reads number and type variants as one name', () => {
    expect(unitNameKey('Phường 01')).toBe(unitNameKey('P. 1'));
    expect(unitNameKey('Tỉnh Bà Rịa - Vũng Tàu')).toBe(unitNameKey('ba ria-vung tau'));
    expect(unitNameKey('Tỉnh Hoà Bình')).toBe(unitNameKey('Hòa Bình'));
  });

  it('gives only listed units, never throws, for any text', () => {
    const units = communesOf('46');
    fc.assert(
      fc.property(fc.string(), (query) => {
        const found = searchUnits(units, query);
        expect(found.every((u) => units.includes(u))).toBe(true);
      }),
    );
  });
});
