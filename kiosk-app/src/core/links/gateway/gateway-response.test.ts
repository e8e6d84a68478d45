import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpretStatus, interpretSubmitAck } from './http-dossier-gateway';

const CODE = 'H29-260310-3000';

describe('gateway response parsers', () => {
  it('reads an acknowledgement and a status', () => {
    expect(interpretSubmitAck({ MaHoSo: CODE, TrangThai: 'DA_TIEP_NHAN' }, 201, CODE)).toEqual({
      kind: 'accepted',
      code: CODE,
      status: 'received',
      duplicate: false,
    });
    expect(
      interpretSubmitAck({ MaHoSo: CODE, TrangThai: 'DANG_XU_LY', TrungLap: true }, 200, CODE),
    ).toMatchObject({
      duplicate: true,
      status: 'processing',
    });
    expect(
      interpretStatus(
        { MaHoSo: CODE, TrangThai: 'YEU_CAU_BO_SUNG', NgayHenTra: '2026-03-12T09:00:00+07:00' },
        CODE,
      ),
    ).toEqual({
      kind: 'found',
      code: CODE,
      status: 'needsMoreDocuments',
      appointmentAt: '2026-03-12T09:00:00+07:00',
      updatedAt: undefined,
    });
  });
  it('treats an acknowledgement for another dossier as malformed', () => {
    expect(
      interpretSubmitAck({ MaHoSo: 'H29-260310-3001', TrangThai: 'DA_TIEP_NHAN' }, 201, CODE),
    ).toMatchObject({
      kind: 'unavailable',
      reason: 'malformed-response',
    });
  });
  it('never throws on arbitrary bodies (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 100, max: 599 }), (body, status) => {
        expect(['accepted', 'unavailable']).toContain(interpretSubmitAck(body, status, CODE).kind);
        expect(['found', 'unavailable']).toContain(interpretStatus(body, CODE).kind);
      }),
      { numRuns: 500 },
    );
  });
});
