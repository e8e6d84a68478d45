import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RATING_COMMENT_MAX } from '@kiosk/protocol';
import { REDACTED, redactRatingComment } from './rating-comment-redaction';

/** Digits left once separators are ignored, run by run. */
const longestDigitRun = (text: string): number =>
  Math.max(0, ...(text.replace(/[\s.\-/+()]/g, '').match(/\d+/g) ?? []).map((run) => run.length));

describe('redactRatingComment', () => {
  it('removes an ID, a phone number written with spaces and an e-mail, keeps the rest', () => {
    expect(redactRatingComment('Số CCCD 001099012345, gọi 0912 345 678 hoặc a.b@thu.vn')).toBe(
      `Số CCCD ${REDACTED}, gọi ${REDACTED} hoặc ${REDACTED}`,
    );
    expect(redactRatingComment('+84 912.345.678 nhé')).toBe(`${REDACTED} nhé`);
    expect(redactRatingComment('Chờ 2 lần, năm 2026, quầy 12')).toBe(
      'Chờ 2 lần, năm 2026, quầy 12',
    );
  });

  it('never lets six digits through, even split by separators, and caps the length', () => {
    const pieces = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9０-９ .\-/+()]{1,30}$/),
      fc.constantFrom('Nguyễn', 'rất tốt', '@', '.vn', ' '),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const out = redactRatingComment(parts.join(''));
        // A cut is no separator: digits on either side of it were apart in the comment too.
        expect(longestDigitRun(out.replaceAll(REDACTED, '#'))).toBeLessThan(6);
        expect(out.length).toBeLessThanOrEqual(RATING_COMMENT_MAX);
        expect(out).not.toMatch(/[^\s@]+@[^\s@]+\.[^\s@]+/);
      }),
      { numRuns: 1000 },
    );
    // Found by the property above: a replacement that joined its neighbours into an address.
    expect(redactRatingComment('0@/.０@!.vn')).toBe(REDACTED);
    // Found by it too: an address cut out between two short numbers does not join them.
    expect(redactRatingComment('0.0 -@0.- 00０.０)')).toBe(`0.0 ${REDACTED} 000.0)`);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const once = redactRatingComment(text);
        expect(redactRatingComment(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
    // Found by it: the marker was an ellipsis, which NFKC turns into three dots.
    expect(redactRatingComment(redactRatingComment('!@!.A'))).toBe(REDACTED);
    // And a cut at the length cap that left a trailing space.
    const long = `${'a'.repeat(RATING_COMMENT_MAX - 1)} b`;
    expect(redactRatingComment(redactRatingComment(long))).toBe(redactRatingComment(long));
  });
});
