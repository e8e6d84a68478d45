/**
 * Vietnamese typing for the on-screen keyboard: tone keys put a tone mark on the right vowel of
 * the word being typed (the usual "new style" placement), and mark keys turn a/e/o/u/d into
 * â ă ê ô ơ ư đ. Text stays NFC.
 */
export const TONES = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
} as const;
export type Tone = keyof typeof TONES;

const TONE_MARKS = new Set(Object.values(TONES));
const VOWELS = 'aăâeêioôơuưy';

function stripTone(ch: string): string {
  return [...ch.normalize('NFD')]
    .filter((c) => !TONE_MARKS.has(c as (typeof TONES)[Tone]))
    .join('')
    .normalize('NFC');
}

/** Index of the vowel that carries the tone in the last word of `text`, or -1. */
function toneVowelIndex(text: string): number {
  const match = /[\p{L}]+$/u.exec(text);
  if (!match) return -1;
  const start = match.index;
  const word = [...match[0]].map((c) => stripTone(c).toLowerCase());
  const vowelPositions = word.map((c, i) => (VOWELS.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (vowelPositions.length === 0) return -1;
  const withMark = vowelPositions.find((i) => 'ăâêôơư'.includes(word[i] ?? ''));
  let pick: number;
  if (withMark !== undefined) pick = withMark;
  else if (vowelPositions.length === 1) pick = vowelPositions[0] ?? 0;
  else {
    const last = vowelPositions[vowelPositions.length - 1] ?? 0;
    const endsInVowelPair = last === word.length - 1 && vowelPositions.includes(last - 1);
    // "oa", "oe", "uy" take the tone on the second vowel; otherwise the first of a final pair.
    const pair = `${word[last - 1] ?? ''}${word[last] ?? ''}`;
    pick = endsInVowelPair && !['oa', 'oe', 'uy'].includes(pair) ? last - 1 : last;
    if (word[0] === 'q' || (word[0] === 'g' && word[1] === 'i' && vowelPositions.length > 1))
      pick = Math.max(pick, vowelPositions[1] ?? pick);
  }
  return start + [...match[0]].slice(0, pick).join('').length;
}

export function applyTone(text: string, tone: Tone): string {
  const nfc = text.normalize('NFC');
  const at = toneVowelIndex(nfc);
  if (at < 0) return nfc;
  const ch = nfc.slice(at, at + 1);
  const toned = `${stripTone(ch).normalize('NFD')}${TONES[tone]}`.normalize('NFC');
  return `${nfc.slice(0, at)}${toned}${nfc.slice(at + 1)}`;
}

const MARKS: Record<string, string> = {
  a: 'â',
  e: 'ê',
  o: 'ô',
  d: 'đ',
  A: 'Â',
  E: 'Ê',
  O: 'Ô',
  D: 'Đ',
};
export const MARK_KEYS = ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'] as const;

export function isMarkKey(key: string): boolean {
  return (MARK_KEYS as readonly string[]).includes(key) || Object.values(MARKS).includes(key);
}
