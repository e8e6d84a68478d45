import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpretRatingAck } from './rating-gateway';
import { ratingToWire } from './satisfaction-rating';

describe('the rating acknowledgement and wire', () => {
  it('accepts only an acknowledgement of the same dossier; anything else is retried, never thrown', () => {
    expect(interpretRatingAck({ MaHoSo: 'H01-1', TrungLap: true }, 'H01-1')).toEqual({
      kind: 'accepted',
      duplicate: true,
    });
    fc.assert(
      fc.property(fc.anything(), fc.string({ minLength: 1 }), (body, code) => {
        const result = interpretRatingAck(body, code);
        const same =
          typeof body === 'object' &&
          body !== null &&
          (body as { MaHoSo?: unknown }).MaHoSo === code;
        expect(result.kind).toBe(same ? result.kind : 'unavailable');
        if (result.kind === 'accepted') expect(same).toBe(true);
      }),
    );
  });

  it('posts the level code, the reasons and the comment, and nothing that names the citizen', () => {
    const wire = ratingToWire({
      dossierCode: 'H01-260310-1001',
      level: 'verySatisfied',
      reasons: ['quick'],
      comment: 'tốt',
      ratedAt: '2026-03-10T09:00:00+07:00',
    });
    expect(wire).toEqual({
      MaHoSo: 'H01-260310-1001',
      MucDoHaiLong: 'RAT_HAI_LONG',
      LyDo: ['quick'],
      GopY: 'tốt',
      ThoiGianDanhGia: '2026-03-10T09:00:00+07:00',
      KenhDanhGia: 'KIOSK',
    });
  });
});
