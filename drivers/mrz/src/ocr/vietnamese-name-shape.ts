/**
 * The shape of a Vietnamese syllable written without diacritics, as the CCCD MRZ prints names:
 * an optional initial consonant (cluster), one to three vowels, an optional final among C, CH,
 * M, N, NG, NH, P, T. Each word of a Vietnamese name is one syllable.
 *
 * Names carry no check digit, so camera OCR uses this to refuse a CCCD name line that no
 * Vietnamese name could produce (`VUKDUCK`, `BUIKVANK`: chevrons read as K) instead of
 * returning it. Names of other origins still parse; only OCR refuses them.
 */
const SYLLABLE =
  /^(NGH|NG|NH|GH|GI|KH|PH|TH|TR|CH|QU|[BCDGHKLMNPRSTVX])?[AEIOUY]{1,3}(NG|NH|CH|[CMNPT])?$/;

export function isVietnameseNameShape(words: string): boolean {
  const parts = words.split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every((w) => SYLLABLE.test(w));
}
