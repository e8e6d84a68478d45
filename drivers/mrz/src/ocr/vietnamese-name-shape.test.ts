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

  it('spells the diphthong ie as Vietnamese does: closed, and ye with no initial consonant', () => {
    for (const n of ['LE THI YEN', 'NGUYEN KIEU TIEN', 'HA THI KIA', 'DO MINH TUYET', 'VU KHUYA'])
      expect(isVietnameseNameShape(n), n).toBe(true);
    // IE is LE with its L read as I (the OCR's wrong reading that no check digit catches).
    for (const n of ['IE BAO YEN', 'LE THI IEN', 'TRAN KIE', 'DO MINH TUYE'])
      expect(isVietnameseNameShape(n), n).toBe(false);
  });
});
