import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretRegistryResponse } from './http-population-registry';
import { cardStatusFromRegistry } from './registry-mapping';
import { CARD_STATUS_CODES } from './registry-wire';

const ID = '001090012345';
const QUERY = { personalId: ID, fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-15' };
const citizen = (TrangThaiThe?: unknown) => ({
  SoDinhDanh: ID,
  HoVaTen: 'Nguyễn Văn An',
  NgayThangNamSinh: '19900115',
  GioiTinh: '1',
  ...(TrangThaiThe === undefined ? {} : { TrangThaiThe }),
});

describe('the card status in a registry answer', () => {
  it.each([
    [CARD_STATUS_CODES.revoked, 'revoked'],
    [CARD_STATUS_CODES.cancelled, 'cancelled'],
    [CARD_STATUS_CODES.inForce, 'in-force'],
    ['TAM_KHOA', 'unknown'],
  ] as const)('reads %s as %s', (code, status) => {
    expect(
      interpretRegistryResponse({ MaKetQua: '00', CongDan: citizen(code) }, QUERY),
    ).toMatchObject({
      kind: 'found',
      cardStatus: status,
    });
  });

  it('gives no status when the registry says nothing about the card', () => {
    for (const none of [undefined, null, '']) {
      const result = interpretRegistryResponse({ MaKetQua: '00', CongDan: citizen(none) }, QUERY);
      expect(result.kind).toBe('found');
      expect(result).not.toHaveProperty('cardStatus');
    }
  });

  it('maps any code to a known status or unknown, never to in force by accident', () => {
    const known = new Set<string>(Object.values(CARD_STATUS_CODES));
    fc.assert(
      fc.property(fc.string(), (code) => {
        const status = cardStatusFromRegistry(code);
        if (!known.has(code.toUpperCase())) expect(status).toBe('unknown');
        else expect(status).not.toBe('unknown');
      }),
    );
  });

  it('refuses an answer whose card status is not text, as any malformed answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.boolean(), fc.object()), (odd) => {
        expect(
          interpretRegistryResponse({ MaKetQua: '00', CongDan: citizen(odd) }, QUERY),
        ).toMatchObject({
          kind: 'unavailable',
          reason: 'malformed-response',
        });
      }),
    );
  });
});
