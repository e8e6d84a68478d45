import { describe, expect, it } from 'vitest';
import { communesOf, currentUnits } from './current-units';
import { formerUnits } from './former-units';

/**
 * The shipped lists against the counts the law gives: 34 provinces (Nghị quyết 202/2025/QH15)
 * and 3,321 communes, 2,621 xã, 687 phường and 13 đặc khu (Nghị quyết 1654–1687/NQ-UBTVQH15).
 */
describe('the official two-level list', () => {
  const { provinces, communes } = currentUnits();

  it('has 34 provinces, six of them centrally governed cities', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((p) => p.type === 'thanh-pho').map((p) => p.name)).toEqual([
      'Thành phố Hà Nội',
      'Thành phố Hải Phòng',
      'Thành phố Huế',
      'Thành phố Đà Nẵng',
      'Thành phố Hồ Chí Minh',
      'Thành phố Cần Thơ',
    ]);
    expect(new Set(provinces.map((p) => p.communeResolution)).size).toBe(34);
  });

  it('has 3,321 communes with unique codes, each in a listed province', () => {
    expect(communes).toHaveLength(3321);
    expect(new Set(communes.map((c) => c.code)).size).toBe(3321);
    const count = (type: string) => communes.filter((c) => c.type === type).length;
    expect([count('xa'), count('phuong'), count('dac-khu')]).toEqual([2621, 687, 13]);
    for (const c of communes) expect(currentUnits().provinceByCode.has(c.province)).toBe(true);
    expect(provinces.reduce((n, p) => n + communesOf(p.code).length, 0)).toBe(3321);
  });

  it('names each commune with its type', () => {
    const word = { xa: 'Xã ', phuong: 'Phường ', 'dac-khu': 'Đặc khu ' } as const;
    for (const c of communes) expect(c.name.startsWith(word[c.type])).toBe(true);
  });
});

describe('the conversion table', () => {
  const former = formerUnits();

  it('covers all 63 provinces and 10,047 communes of the former list', () => {
    expect(former.provinces).toHaveLength(63);
    expect(former.communes).toHaveLength(10047);
    for (const p of former.provinces) expect(former.provinceConversion.has(p.code)).toBe(true);
    for (const c of former.communes) expect(former.communeConversion.has(c.code)).toBe(true);
  });

  it('sends every old commune into the province its old province merged into', () => {
    const districtProvince = new Map(former.districts.map((d) => [d.code, d.parent]));
    const wrong = former.communes.filter((c) => {
      const province = former.provinceConversion.get(districtProvince.get(c.parent) ?? '');
      return (former.communeConversion.get(c.code) ?? []).some(
        (code) => currentUnits().communeByCode.get(code)?.province !== province,
      );
    });
    expect(wrong.map((c) => `${c.code} ${c.name}`)).toEqual([]);
  });

  it('sends the five island districts without communes to their đặc khu', () => {
    expect(former.districtConversion.size).toBe(5);
    const lySon = former.districtConversion.get('536')?.[0];
    expect(currentUnits().communeByCode.get(lySon ?? '')?.name).toBe('Đặc khu Lý Sơn');
  });

  it('gives every current commune at least one old commune', () => {
    const reached = new Set(
      [...former.communeConversion.values(), ...former.districtConversion.values()].flat(),
    );
    expect(currentUnits().communes.filter((c) => !reached.has(c.code))).toEqual([]);
  });
});
