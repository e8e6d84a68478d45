import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '../citizens/synthetic-citizens';
import { registryAskMatches } from './registry-match';

const citizen = { ...syntheticCitizen(0), fullName: 'Đặng Thị Ánh', dateOfBirth: '1990-03-15' };
const ask = (
  over: Partial<Record<'SoDinhDanh' | 'HoVaTen' | 'NgayThangNamSinh', string>> = {},
) => ({
  SoDinhDanh: citizen.personalId,
  HoVaTen: 'Đặng Thị Ánh',
  NgayThangNamSinh: '19900315',
  ...over,
});

describe('registryAskMatches', () => {
  it('answers only when the ID, the name and the full date of birth are the citizen’s', () => {
    expect(registryAskMatches(ask(), citizen)).toBe(true);
    expect(registryAskMatches(ask({ SoDinhDanh: '001090000000' }), citizen)).toBe(false);
    expect(registryAskMatches(ask({ HoVaTen: 'Kẻ Giả Mạo' }), citizen)).toBe(false);
    expect(registryAskMatches(ask({ NgayThangNamSinh: '19900101' }), citizen)).toBe(false);
    expect(registryAskMatches(ask({ NgayThangNamSinh: '1990' }), citizen)).toBe(false);
  });

  it('ignores case, spacing and Unicode form, not diacritics a name carries', () => {
    expect(registryAskMatches(ask({ HoVaTen: '  ĐẶNG  thị ÁNH ' }), citizen)).toBe(true);
    expect(registryAskMatches(ask({ HoVaTen: 'Đặng Thị Ánh'.normalize('NFD') }), citizen)).toBe(
      true,
    );
    expect(registryAskMatches(ask({ HoVaTen: 'Đặng Thị Anh' }), citizen)).toBe(false);
  });

  it('matches an MRZ name, which has no diacritics, with the marks stripped', () => {
    expect(registryAskMatches(ask({ HoVaTen: 'DANG THI ANH' }), citizen)).toBe(true);
    expect(registryAskMatches(ask({ HoVaTen: 'DANG THI ANHH' }), citizen)).toBe(false);
  });

  it('lets an unknown month or day of a held date match any', () => {
    expect(registryAskMatches(ask(), { ...citizen, dateOfBirth: '1990' })).toBe(true);
    expect(registryAskMatches(ask(), { ...citizen, dateOfBirth: '1990-03' })).toBe(true);
    expect(registryAskMatches(ask(), { ...citizen, dateOfBirth: '1991' })).toBe(false);
  });

  it('never matches a name or date that differs from the held one (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, date) => {
        const matched = registryAskMatches(ask({ HoVaTen: name, NgayThangNamSinh: date }), citizen);
        if (matched) expect(date).toBe('19900315');
      }),
    );
  });
});
