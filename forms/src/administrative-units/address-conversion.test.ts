import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertAddress, currentProvinceOf, type WrittenAddress } from './address-conversion';
import { currentUnits } from './current-units';

interface Case {
  readonly old: WrittenAddress;
  readonly code: string;
  readonly name: string;
  /** The clause of the province's Standing Committee resolution that names both units. */
  readonly basis: string;
}

/**
 * Old three-level addresses and the commune each went into on 1 July 2025, checked by hand
 * against the clause cited (texts of Nghị quyết 1654–1687/NQ-UBTVQH15 as published on
 * thuvienphapluat.vn, mirrored in github.com/dvhcvn/20250701 input/docs).
 */
const CASES: readonly Case[] = [
  {
    old: { province: 'Tỉnh Nam Định', district: 'Huyện Giao Thủy', commune: 'Xã Hồng Thuận' },
    code: '14182',
    name: 'Xã Giao Hòa',
    basis: '1674/NQ-UBTVQH15, Điều 1 khoản 54',
  },
  {
    old: { province: 'Tỉnh Nam Định', district: 'Huyện Vụ Bản', commune: 'Xã Thành Lợi' },
    code: '13777',
    name: 'Phường Trường Thi',
    basis: '1674/NQ-UBTVQH15, Điều 1 khoản 119',
  },
  {
    old: { province: 'Tỉnh Nam Định', district: 'Huyện Ý Yên', commune: 'Xã Yên Phúc' },
    code: '13870',
    name: 'Xã Yên Cường',
    basis: '1674/NQ-UBTVQH15, Điều 1 khoản 29',
  },
  {
    old: { province: 'Tỉnh Hà Nam', district: 'Huyện Thanh Liêm', commune: 'Xã Liêm Thuận' },
    code: '13483',
    name: 'Xã Thanh Bình',
    basis: '1674/NQ-UBTVQH15, Điều 1 khoản 8',
  },
  {
    old: { province: 'Tỉnh Quảng Nam', district: 'Huyện Bắc Trà My', commune: 'Xã Trà Kót' },
    code: '20908',
    name: 'Xã Trà Liên',
    basis: '1659/NQ-UBTVQH15, Điều 1 khoản 39',
  },
  {
    old: { province: 'Tỉnh Quảng Nam', district: 'Thị xã Điện Bàn', commune: 'Xã Điện Thọ' },
    code: '20569',
    name: 'Xã Điện Bàn Tây',
    basis: '1659/NQ-UBTVQH15, Điều 1 khoản 64',
  },
  {
    old: { province: 'Tỉnh Quảng Nam', district: 'Huyện Đại Lộc', commune: 'Xã Đại Thắng' },
    code: '20542',
    name: 'Xã Phú Thuận',
    basis: '1659/NQ-UBTVQH15, Điều 1 khoản 70',
  },
  {
    old: { province: 'Tỉnh Quảng Nam', district: 'Huyện Nam Trà My', commune: 'Xã Trà Nam' },
    code: '20950',
    name: 'Xã Trà Linh',
    basis: '1659/NQ-UBTVQH15, Điều 1 khoản 47',
  },
  {
    old: {
      province: 'Tỉnh Bình Dương',
      district: 'Thành phố Thủ Dầu Một',
      commune: 'Phường Phú Tân',
    },
    code: '25760',
    name: 'Phường Bình Dương',
    basis: '1685/NQ-UBTVQH15, Điều 1 khoản 90',
  },
  {
    old: { province: 'Tỉnh Bình Dương', district: 'Huyện Phú Giáo', commune: 'Xã Tân Hiệp' },
    code: '25864',
    name: 'Xã Phước Thành',
    basis: '1685/NQ-UBTVQH15, Điều 1 khoản 140',
  },
  {
    old: {
      province: 'Tỉnh Bình Dương',
      district: 'Thành phố Thủ Dầu Một',
      commune: 'Phường Tương Bình Hiệp',
    },
    code: '25771',
    name: 'Phường Chánh Hiệp',
    basis: '1685/NQ-UBTVQH15, Điều 1 khoản 89',
  },
  {
    old: {
      province: 'Tỉnh Bà Rịa - Vũng Tàu',
      district: 'Thành phố Vũng Tàu',
      commune: 'Phường 11',
    },
    code: '26542',
    name: 'Phường Phước Thắng',
    basis: '1685/NQ-UBTVQH15, Điều 1 khoản 105',
  },
  {
    old: { province: 'Tỉnh Kiên Giang', district: 'Huyện Kiên Hải', commune: 'Xã Hòn Tre' },
    code: '31108',
    name: 'Đặc khu Kiên Hải',
    basis: '1654/NQ-UBTVQH15, Điều 1 khoản 94',
  },
  {
    old: {
      province: 'Tỉnh Kiên Giang',
      district: 'Thành phố Rạch Giá',
      commune: 'Phường Vĩnh Thanh',
    },
    code: '30742',
    name: 'Phường Rạch Giá',
    basis: '1654/NQ-UBTVQH15, Điều 1 khoản 91',
  },
  {
    old: { province: 'Tỉnh Kiên Giang', district: 'Huyện Gò Quao', commune: 'Xã Thủy Liễu' },
    code: '30958',
    name: 'Xã Định Hòa',
    basis: '1654/NQ-UBTVQH15, Điều 1 khoản 57',
  },
  {
    old: { province: 'Tỉnh Hà Giang', district: 'Huyện Bắc Mê', commune: 'Xã Yên Phong' },
    code: '00991',
    name: 'Xã Bắc Mê',
    basis: '1684/NQ-UBTVQH15, Điều 1 khoản 68',
  },
  {
    old: { province: 'Tỉnh Hà Giang', district: 'Huyện Quang Bình', commune: 'Thị trấn Yên Bình' },
    code: '01237',
    name: 'Xã Quang Bình',
    basis: '1684/NQ-UBTVQH15, Điều 1 khoản 90',
  },
  {
    old: { province: 'Tỉnh Hà Giang', district: 'Huyện Bắc Quang', commune: 'Xã Đồng Yên' },
    code: '01216',
    name: 'Xã Đồng Yên',
    basis: '1684/NQ-UBTVQH15, Điều 1 khoản 85',
  },
  {
    old: { province: 'Tỉnh Thái Bình', district: 'Huyện Hưng Hà', commune: 'Xã Hòa Tiến' },
    code: '12595',
    name: 'Xã Ngự Thiên',
    basis: '1666/NQ-UBTVQH15, Điều 1 khoản 77',
  },
  {
    old: { province: 'Tỉnh Thái Bình', district: 'Huyện Kiến Xương', commune: 'Xã Hòa Bình' },
    code: '13132',
    name: 'Xã Quang Lịch',
    basis: '1666/NQ-UBTVQH15, Điều 1 khoản 81',
  },
  {
    old: {
      province: 'Tỉnh Thái Bình',
      district: 'Thành phố Thái Bình',
      commune: 'Phường Trần Lãm',
    },
    code: '12454',
    name: 'Phường Trần Lãm',
    basis: '1666/NQ-UBTVQH15, Điều 1 khoản 101',
  },
  {
    old: { province: 'Tỉnh Hải Dương', district: 'Huyện Cẩm Giàng', commune: 'Xã Tân Trường' },
    code: '10930',
    name: 'Xã Mao Điền',
    basis: '1669/NQ-UBTVQH15, Điều 1 khoản 81',
  },
  {
    old: { province: 'Tỉnh An Giang', district: 'Huyện Châu Thành', commune: 'Xã Tân Phú' },
    code: '30604',
    name: 'Xã Vĩnh An',
    basis: '1654/NQ-UBTVQH15, Điều 1 khoản 31',
  },
  {
    old: { province: 'Tỉnh Thừa Thiên Huế', district: 'Thành phố Huế', commune: 'Phường Phú Hội' },
    code: '19789',
    name: 'Phường Thuận Hóa',
    basis: '1675/NQ-UBTVQH15, Điều 1 khoản 15',
  },
];

describe('converting old three-level addresses', () => {
  it.each(CASES)('$old.commune, $old.district, $old.province → $name ($basis)', (c) => {
    const result = convertAddress({ ...c.old, detail: 'Số 1' });
    expect(result.kind).toBe('converted');
    if (result.kind !== 'converted') return;
    expect(result.address.communeCode).toBe(c.code);
    expect(result.address.commune).toBe(c.name);
    expect(result.basis).toContain(c.basis.split(',')[0]);
    expect(result.basis).toContain('202/2025/QH15');
    // Both forms: the new units, and the old ones as written.
    expect(result.address.former).toBe(`${c.old.commune}, ${c.old.district}, ${c.old.province}`);
    expect(result.address.detail).toBe('Số 1');
    const commune = currentUnits().communeByCode.get(c.code);
    expect(result.address.province).toBe(
      currentUnits().provinceByCode.get(commune?.province ?? '')?.name,
    );
  });

  it('covers at least 20 addresses in at least 5 merged provinces', () => {
    const merged = new Set(
      CASES.map((c) => currentProvinceOf(c.old.province))
        .filter((p) => p !== undefined && p.mergedFrom.length > 1)
        .map((p) => p?.code),
    );
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(merged.size).toBeGreaterThanOrEqual(5);
  });
});

describe('addresses the table cannot settle alone', () => {
  it('asks the citizen when the old commune was divided', () => {
    // Phường Điện Biên (Quận Ba Đình) went to four wards, NQ 1656/NQ-UBTVQH15.
    const result = convertAddress({
      province: 'Thành phố Hà Nội',
      district: 'Quận Ba Đình',
      commune: 'Phường Điện Biên',
    });
    expect(result.kind).toBe('divided');
    if (result.kind !== 'divided') return;
    expect(result.candidates.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Phường Ba Đình', 'Phường Hoàn Kiếm']),
    );
    expect(result.address).toMatchObject({
      province: 'Thành phố Hà Nội',
      commune: '',
      confirmation: 'divided',
      former: 'Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội',
    });
  });

  it('keeps an address on no list as written, for the citizen to confirm', () => {
    const result = convertAddress({
      province: 'Tỉnh Nam Định',
      district: 'Huyện Không Có',
      commune: 'Xã Không Có',
      detail: 'Thôn 3',
    });
    expect(result).toEqual({
      kind: 'unknown',
      address: {
        province: 'Tỉnh Ninh Bình',
        commune: 'Xã Không Có',
        district: 'Huyện Không Có',
        detail: 'Thôn 3',
        former: 'Xã Không Có, Huyện Không Có, Tỉnh Nam Định',
        confirmation: 'unknown',
      },
    });
  });

  it('takes a current two-level address as it is, with its code', () => {
    expect(convertAddress({ province: 'ha noi', commune: 'phuong ba dinh' })).toEqual({
      kind: 'current',
      address: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', communeCode: '00004' },
    });
  });

  it('renames Thừa Thiên Huế to Thành phố Huế', () => {
    expect(currentProvinceOf('Tỉnh Thừa Thiên Huế')?.name).toBe('Thành phố Huế');
    expect(currentProvinceOf('TP. Hồ Chí Minh')?.code).toBe('79');
    expect(currentProvinceOf('Bà Rịa-Vũng Tàu')?.name).toBe('Thành phố Hồ Chí Minh');
  });

  it('never drops what the source wrote', () => {
    const part = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(part, part, part, part, (province, district, commune, detail) => {
        const { address } = convertAddress({ province, district, commune, detail });
        if (commune.trim() !== '' && address.former !== undefined) {
          expect(address.former.normalize('NFD')).toContain(
            commune.normalize('NFC').replace(/\s+/g, ' ').trim().normalize('NFD'),
          );
        }
        if (detail.trim() !== '') expect(address.detail).toBeDefined();
      }),
    );
  });
});

describe('island districts', () => {
  it('converts Huyện Lý Sơn to Đặc khu Lý Sơn', () => {
    const result = convertAddress({
      province: 'Tỉnh Quảng Ngãi',
      district: 'Huyện Lý Sơn',
      commune: 'Huyện Lý Sơn',
    });
    expect(result.kind === 'converted' && result.address.commune).toBe('Đặc khu Lý Sơn');
  });
});
