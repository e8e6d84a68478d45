import { describe, expect, it } from 'vitest';
import { currentProvince, toTwoLevelAddress } from './administrative-units';

describe('administrative units since 1 July 2025', () => {
  it('maps merged provinces to the province they joined', () => {
    expect(currentProvince('Tỉnh Hà Giang')).toBe('Tỉnh Tuyên Quang');
    expect(currentProvince('Tỉnh Bà Rịa - Vũng Tàu')).toBe('Thành phố Hồ Chí Minh');
    expect(currentProvince('TỈNH NAM ĐỊNH')).toBe('Tỉnh Ninh Bình');
    expect(currentProvince('Thành phố Hà Nội')).toBe('Thành phố Hà Nội');
    expect(currentProvince('Tỉnh Thừa Thiên Huế')).toBe('Thành phố Huế');
  });
  it('converts a three-level address with the official table and keeps the old form', () => {
    const old = {
      province: 'Tỉnh Hải Dương',
      district: 'Huyện Cẩm Giàng',
      commune: 'Xã Tân Trường',
      detail: 'Thôn 1',
    };
    // NQ 1669/NQ-UBTVQH15, Điều 1 khoản 81.
    expect(toTwoLevelAddress(old)).toEqual({
      province: 'Thành phố Hải Phòng',
      commune: 'Xã Mao Điền',
      communeCode: '10930',
      detail: 'Thôn 1',
      district: 'Huyện Cẩm Giàng',
      former: 'Xã Tân Trường, Huyện Cẩm Giàng, Tỉnh Hải Dương',
    });
    expect(toTwoLevelAddress(old, () => 'Xã Cẩm Giàng').commune).toBe('Xã Cẩm Giàng');
  });
  it('leaves a two-level address as it is', () => {
    expect(toTwoLevelAddress({ province: 'Tỉnh Nghệ An', commune: 'Phường Vinh Phú' })).toEqual({
      province: 'Tỉnh Nghệ An',
      commune: 'Phường Vinh Phú',
      communeCode: expect.stringMatching(/^\d{5}$/),
    });
  });
});
