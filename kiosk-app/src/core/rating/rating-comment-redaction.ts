import { RATING_COMMENT_MAX } from '@kiosk/protocol';

/**
 * What a removed number or address is replaced with, so the officer sees something was cut. It
 * must not change under NFKC (an ellipsis would become three dots) and holds no space (its tail
 * could join an address after it), or a second pass would differ.
 */
export const REDACTED = '[ẩn]';

/**
 * Six or more digits, possibly split by spaces, dots, dashes, slashes, plus signs or brackets
 * (after NFKC, so full-width digits count too): a personal ID (12
 * digits), an old ID (9), a phone number (10, often written 09xx xxx xxx or +84 …), a card or
 * account number. Shorter numbers (a counter, "2 lần", a year like 2026) stay.
 */
const DIGIT_RUN = /\+?\d(?:[\s.\-/+()]*\d){5,}/g;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;

/**
 * Takes the personal data a machine can recognise out of a citizen's free-text comment before
 * it is stored or sent: number runs that can be an ID or phone number, and e-mail addresses.
 * Names and addresses in prose cannot be told apart from ordinary words, so the screen asks the
 * citizen not to write them, and the rating carries no other link to the person than the
 * dossier code. Also collapses whitespace and caps the length. Idempotent.
 *
 * @example
 * redactRatingComment('gọi tôi 0912 345 678 nhé') // 'gọi tôi [ẩn] nhé'
 */
export function redactRatingComment(text: string): string {
  let out = text.normalize('NFKC');
  // Until nothing changes: a replacement can join its neighbours into a new address. Each pass
  // that changes something shortens the text (a match is longer than REDACTED), so this ends.
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(EMAIL, REDACTED).replace(DIGIT_RUN, REDACTED);
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, RATING_COMMENT_MAX).trimEnd();
}
