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
  /^(NGH|NG|NH|GH|GI|KH|PH|TH|TR|CH|QU|[BCDGHKLMNPRSTVX])?([AEIOUY]{1,3})(NG|NH|CH|[CMNPT])?$/;

/**
 * One syllable. Besides the pattern, the spelling of the diphthong iê: it is always closed, by a
 * final consonant or by u (`TIEN`, `KIEU`, `NGUYEN`; the open form is written ia: `KIA`), and
 * with no initial consonant it is written yê (`YEN`, never `IEN`). So `IE`, which a clean `L`
 * read as `I` makes of `LE`, is no syllable.
 */
function isSyllable(word: string): boolean {
  const match = SYLLABLE.exec(word);
  if (!match) return false;
  const [, initial, vowels = '', final] = match;
  if (/[IY]E$/.test(vowels) && final === undefined) return false;
  return initial !== undefined || !vowels.startsWith('IE');
}

export function isVietnameseNameShape(words: string): boolean {
  const parts = words.split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every(isSyllable);
}
