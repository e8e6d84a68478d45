import { describe, expect, it } from 'vitest';
import { currentProvince, toTwoLevelAddress } from './administrative-units';

describe('administrative units since 1 July 2025', () => {
  it('maps merged provinces to the province they joined', () => {
    expect(currentProvince('Tỉnh Hà Giang')).toBe('Tỉnh Tuyên Quang');
    expect(currentProvince('Tỉnh Bà Rịa - Vũng Tàu')).toBe('Thành phố Hồ Chí Minh');
    expect(currentProvince('TỈNH NAM ĐỊNH')).toBe('Tỉnh Ninh Bình');
    expect(currentProvince('Thành phố Hà Nội')).toBe('Thành phố Hà Nội');
  });
  it('keeps the old district of a three-level address and applies a commune mapping', () => {
    const old = {
      province: 'Tỉnh Hải Dương',
      district: 'Huyện Cẩm Giàng',
      commune: 'Xã Tân Trường',
      detail: 'Thôn 1',
    };
    expect(toTwoLevelAddress(old)).toEqual({
      province: 'Thành phố Hải Phòng',
      commune: 'Xã Tân Trường',
      detail: 'Thôn 1',
      district: 'Huyện Cẩm Giàng',
    });
    expect(toTwoLevelAddress(old, () => 'Xã Cẩm Giàng').commune).toBe('Xã Cẩm Giàng');
  });
  it('leaves a two-level address as it is', () => {
    expect(toTwoLevelAddress({ province: 'Tỉnh Nghệ An', commune: 'Phường Vinh Phú' })).toEqual({
      province: 'Tỉnh Nghệ An',
      commune: 'Phường Vinh Phú',
      detail: undefined,
    });
  });
});
