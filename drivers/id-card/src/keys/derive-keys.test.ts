import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accessKeyFromMrz, accessKeysFromQrFields, NO_EXPIRY } from './derive-keys';

describe('access keys', () => {
  it('reads the key from a CCCD TD1 MRZ', () => {
    const key = accessKeyFromMrz(
      'IDVNM2010123456001201012345<<<\n8503154M3003158VNM<<<<<<<<<<<4\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<',
    );
    expect(key).toEqual({
      kind: 'mrz',
      documentNumber: '201012345',
      dateOfBirth: '850315',
      dateOfExpiry: '300315',
    });
  });

  it('derives QR candidates, most likely expiry first', () => {
    const keys = accessKeysFromQrFields({
      personalId: '001085012345',
      dateOfBirth: '15031985',
      dateOfIssue: '01062021',
    });
    expect(keys.map((k) => (k.kind === 'mrz' ? k.dateOfExpiry : ''))).toEqual([
      '250315',
      '450315',
      '100315',
    ]);
    expect(keys[0]).toMatchObject({ documentNumber: '085012345', dateOfBirth: '850315' });
    const old = accessKeysFromQrFields({
      personalId: '001055012345',
      dateOfBirth: '1955-01-02',
      dateOfIssue: '2021-06-01',
    });
    expect(old[0]).toMatchObject({ dateOfExpiry: NO_EXPIRY });
  });

  it('knows the renewal at 14 of a thẻ căn cước issued from 1 July 2024 (Luật Căn cước 2023, Điều 21)', () => {
    const child = accessKeysFromQrFields({
      personalId: '001218012345',
      dateOfBirth: '2018-09-10',
      dateOfIssue: '2025-02-03',
    });
    expect(child.map((k) => (k.kind === 'mrz' ? k.dateOfExpiry : ''))).toEqual([
      '320910',
      '430910',
    ]);
    // Issued at 12, within two years of 14 (khoản 2): valid until 25.
    const twelve = accessKeysFromQrFields({
      personalId: '001212012345',
      dateOfBirth: '2012-05-06',
      dateOfIssue: '2024-08-01',
    });
    expect(twelve[0]).toMatchObject({ dateOfExpiry: '370506' });
    // A CCCD issued before 1 July 2024 follows the 2014 law: no renewal at 14.
    const before = accessKeysFromQrFields({
      personalId: '001208012345',
      dateOfBirth: '2008-05-06',
      dateOfIssue: '2022-08-01',
    });
    expect(before[0]).toMatchObject({ dateOfExpiry: '330506' });
  });

  it('always includes the expiry the CCCD rule gives (property)', async () => {
    const { syntheticCitizen } = await import('@kiosk/test-fixtures');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (i) => {
        const c = syntheticCitizen(i);
        const keys = accessKeysFromQrFields({
          personalId: c.personalId,
          dateOfBirth: c.dateOfBirth,
          dateOfIssue: c.dateOfIssue ?? '',
        });
        const expected = c.dateOfExpiry ? c.dateOfExpiry.slice(2).replace(/-/g, '') : NO_EXPIRY;
        expect(keys[0]).toMatchObject({ dateOfExpiry: expected });
      }),
    );
  });
});
