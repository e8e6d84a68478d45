/**
 * The Vietnamese alphabet's vowels with every tone, for exhaustive code page tests and for the
 * fallback that strips tone marks a code page cannot carry.
 */
export const VIETNAMESE_VOWELS = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
] as const;

/** The five tone marks as Unicode combining characters (ngang, the level tone, has none). */
export const TONE_MARKS = {
  huyen: '\u0300',
  sac: '\u0301',
  nga: '\u0303',
  hoi: '\u0309',
  nang: '\u0323',
} as const;

const TONE_MARK_SET: ReadonlySet<string> = new Set(Object.values(TONE_MARKS));

export function isToneMark(ch: string): boolean {
  return TONE_MARK_SET.has(ch);
}

/** Every vowel with every tone (none, grave, acute, tilde, hook, dot), in NFC, lower case. */
export function allTonedVowels(): string[] {
  const out: string[] = [];
  for (const vowel of VIETNAMESE_VOWELS) {
    out.push(vowel);
    for (const mark of Object.values(TONE_MARKS)) out.push(`${vowel}${mark}`.normalize('NFC'));
  }
  return out;
}

/** Every letter of Vietnamese text: toned vowels, đ and the plain consonants, both cases. */
export function allVietnameseLetters(): string[] {
  const lower = [...allTonedVowels(), 'đ', ...'bcdghklmnpqrstvx'];
  return [...lower, ...lower.map((c) => c.toUpperCase())];
}

/**
 * Splits a character into the letter without its tone (keeping breve, circumflex and horn,
 * which are part of the letter in Vietnamese) and the tone mark, if any.
 */
export function splitTone(ch: string): { base: string; tone: string | undefined } {
  let tone: string | undefined;
  let rest = '';
  for (const part of ch.normalize('NFD')) {
    if (isToneMark(part)) tone = part;
    else rest += part;
  }
  return { base: rest.normalize('NFC'), tone };
}
