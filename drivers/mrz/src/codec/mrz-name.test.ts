import { describe, expect, it } from 'vitest';
import { mrzNameField, splitVietnameseName, toMrzName } from './mrz-name';

describe('toMrzName (ICAO 9303-3 §6, Vietnamese names)', () => {
  it('drops diacritics, writes Đ as D and upper-cases', () => {
    expect(toMrzName('Nguyễn Thị Đào')).toBe('NGUYEN<THI<DAO');
    expect(toMrzName('đặng')).toBe('DANG');
  });

  it('writes each run of spaces or hyphens as one filler, and none at the ends', () => {
    expect(toMrzName(' Trần  Thị-Lan ')).toBe('TRAN<THI<LAN');
    expect(toMrzName('Lê -  Văn')).toBe('LE<VAN');
  });

  it('drops characters the MRZ alphabet does not have, leaving no filler behind at the ends', () => {
    expect(toMrzName('St. John')).toBe('ST<JOHN');
    expect(toMrzName('Văn An 2')).toBe('VAN<AN');
    expect(toMrzName(' ( Lan ) ')).toBe('LAN');
  });
});

describe('mrzNameField (ICAO 9303-3 §4.6.3)', () => {
  it('writes PRIMARY<<SECONDARY padded with fillers to the field length', () => {
    expect(mrzNameField('Nguyễn', 'Văn An', 20)).toBe('NGUYEN<<VAN<AN<<<<<<');
    expect(mrzNameField('Lan', '', 8)).toBe('LAN<<<<<');
  });

  it('truncates a name longer than the field', () => {
    expect(mrzNameField('Nguyễn', 'Văn An', 10)).toBe('NGUYEN<<VA');
  });
});

describe('splitVietnameseName', () => {
  it('takes the family name first, then the middle and given names', () => {
    expect(splitVietnameseName('Nguyễn Văn An')).toEqual({
      surname: 'Nguyễn',
      givenNames: 'Văn An',
    });
    expect(splitVietnameseName('  Lê   Văn  Cường ')).toEqual({
      surname: 'Lê',
      givenNames: 'Văn Cường',
    });
    expect(splitVietnameseName('An')).toEqual({ surname: 'An', givenNames: '' });
  });
});
