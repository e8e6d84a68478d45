import { describe, expect, it } from 'vitest';
import { isVietnameseNameShape } from './vietnamese-name-shape';

describe('isVietnameseNameShape', () => {
  it('accepts Vietnamese names as the MRZ prints them', () => {
    for (const n of [
      'NGUYEN VAN AN',
      'HOANG MINH QUAN',
      'BUI VAN KHANH',
      'HO THU GIANG',
      'VU DUC CUONG',
      'PHAM BAO CHI',
      'TRAN QUOC NGHIA',
    ]) {
      expect(isVietnameseNameShape(n)).toBe(true);
    }
  });

  it('refuses chevrons read as letters', () => {
    for (const n of ['VUKDUCK UONGL', 'BUIKVANK HANHL', 'HOKKTHU GIANG', 'PHAMBAOHI KLL', '']) {
      expect(isVietnameseNameShape(n)).toBe(false);
    }
  });
});
