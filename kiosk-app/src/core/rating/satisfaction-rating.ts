import type { RatingReason, SatisfactionLevel } from '@kiosk/protocol';

/** A citizen's rating of one visit, linked to the dossier by its code and nothing else. */
export interface SatisfactionRating {
  readonly dossierCode: string;
  readonly level: SatisfactionLevel;
  readonly reasons: readonly RatingReason[];
  /** Already passed through `redactRatingComment`; empty when none. */
  readonly comment: string;
  /** ISO 8601. */
  readonly ratedAt: string;
}

/** The one-stop system's names of the levels (Mức độ hài lòng). */
export const LEVEL_CODES: Readonly<Record<SatisfactionLevel, string>> = {
  verySatisfied: 'RAT_HAI_LONG',
  satisfied: 'HAI_LONG',
  dissatisfied: 'KHONG_HAI_LONG',
};

/** A rating as posted to the one-stop system; the key travels in `Idempotency-Key`. */
export interface RatingWire {
  readonly MaHoSo: string;
  readonly MucDoHaiLong: string;
  readonly LyDo: readonly string[];
  readonly GopY: string;
  readonly ThoiGianDanhGia: string;
  readonly KenhDanhGia: 'KIOSK';
}

export function ratingToWire(rating: SatisfactionRating): RatingWire {
  return {
    MaHoSo: rating.dossierCode,
    MucDoHaiLong: LEVEL_CODES[rating.level],
    LyDo: rating.reasons,
    GopY: rating.comment,
    ThoiGianDanhGia: rating.ratedAt,
    KenhDanhGia: 'KIOSK',
  };
}
