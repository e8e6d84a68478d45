import { z } from 'zod';

/**
 * The satisfaction scale the kiosk asks on after the receipt (issue 18): three levels, rất hài
 * lòng / hài lòng / không hài lòng, as the issue names the scale of the national index of
 * service quality (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân,
 * doanh nghiệp, Quyết định 766/QĐ-TTg ngày 23/6/2022).
 *
 * UNCONFIRMED against the legal text: QĐ 766/QĐ-TTg and the national portal's rating form could
 * not be read with the project's search tool (searched December 2026). Corroborated by a
 * provincial one-stop system's kiosk report, "Bảng đánh giá việc giải quyết thủ tục hành
 * chính" (Thanh Hóa; github.com/HuanVu201/DichVuCong_KhoaLuan_PASETO,
 * smartkios_client/src/pages/dvc/MauPhieu/documents/excel/BaoCaoDanhGiaMau1.tsx), which counts
 * exactly these three levels (MucDoKHL / MucDoHL / MucDoRHL); a ministry's own online survey
 * (dichvucong.mic.gov.vn/Pages/DanhGia.aspx) uses five, so scales differ between systems. The
 * levels are this one list: a centre whose one-stop system uses another scale changes the list
 * and the portal's codes (`LEVEL_CODES` in the core), not the screens.
 */
export const SATISFACTION_LEVELS = ['verySatisfied', 'satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** Why, in a tap: the chips offered under the levels (all optional). */
export const RATING_REASONS = [
  'quick',
  'easyToUse',
  'clearGuidance',
  'tooSlow',
  'hardToUse',
  'deviceProblem',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

/** The longest comment the kiosk takes; the on-screen keyboard stops there. */
export const RATING_COMMENT_MAX = 300;

/** The fields of `journey.rate`: a level, any reasons, an optional comment. */
export const ratingFields = z.object({
  level: z.enum(SATISFACTION_LEVELS),
  reasons: z
    .array(z.enum(RATING_REASONS))
    .max(RATING_REASONS.length)
    .refine((list) => new Set(list).size === list.length, 'a reason is given once'),
  comment: z.string().max(RATING_COMMENT_MAX),
});
export type RatingFields = z.infer<typeof ratingFields>;
