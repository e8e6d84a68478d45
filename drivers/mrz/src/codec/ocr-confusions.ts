import type { CharClass } from './layouts';

/**
 * The usual OCR confusions on OCR-B, and which reading a position's class forces. A letter where
 * only a digit may stand is not a guess: the layout settles it. Where both may stand (document
 * numbers, optional data), the pair is kept as two candidates for the check digits to settle.
 *
 * Only pairs whose values differ by an amount the 7-3-1 check digit always detects are offered as
 * alternatives: 0/O (24), 1/I (17), 2/Z (33), 5/S (23), 8/B (3). 6/G differ by 10, which no
 * check digit can see, so G/6 is only ever fixed by the layout, never guessed.
 */
const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  L: '1',
  T: '1',
  J: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  A: '4',
};

const TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
  '4': 'A',
  '7': 'T',
};

/** What OCR engines print for the chevron `<`. */
const FILLER_LOOKALIKES = new Set(['K', 'L', 'C', '«', '‹', '(', '[', '{']);

const ALNUM_ALTERNATIVES: Readonly<Record<string, string>> = {
  '0': 'O',
  O: '0',
  '1': 'I',
  I: '1',
  '2': 'Z',
  Z: '2',
  '5': 'S',
  S: '5',
  '8': 'B',
  B: '8',
};

/**
 * The readings a character may stand for at a position of the given class, most likely first;
 * empty when it cannot stand there at all.
 */
export function candidatesFor(char: string, charClass: CharClass): string[] {
  const isDigit = /^[0-9]$/.test(char);
  const isLetter = /^[A-Z]$/.test(char);
  switch (charClass) {
    case 'digit':
      return isDigit ? [char] : TO_DIGIT[char] ? [TO_DIGIT[char]] : [];
    case 'digitOrFiller':
      if (isDigit || char === '<') return [char];
      if (FILLER_LOOKALIKES.has(char)) return ['<'];
      return TO_DIGIT[char] ? [TO_DIGIT[char]] : [];
    case 'alpha':
      return isLetter ? [char] : TO_LETTER[char] ? [TO_LETTER[char]] : [];
    case 'alphaOrFiller':
    case 'sex':
      if (isLetter || char === '<') return [char];
      if (FILLER_LOOKALIKES.has(char)) return ['<'];
      return TO_LETTER[char] ? [TO_LETTER[char]] : [];
    case 'filler':
      return char === '<' || FILLER_LOOKALIKES.has(char) ? ['<'] : [];
    case 'alnum': {
      if (!isDigit && !isLetter && char !== '<') return FILLER_LOOKALIKES.has(char) ? ['<'] : [];
      const alternative = ALNUM_ALTERNATIVES[char];
      return alternative ? [char, alternative] : [char];
    }
  }
}

/**
 * Pairs no check digit can tell apart (their values differ by a multiple of 10): G/6 (16 − 6) and
 * K/`<` (20 − 0). Where both readings are allowed (alphanumeric positions), an OCR reading that
 * shows one of them cannot be confirmed, so the correction refuses it rather than guess.
 */
export function isCheckInvisible(char: string, charClass: CharClass, restOfField: string): boolean {
  if (charClass !== 'alnum') return false;
  if (char === 'G' || char === '6') return true;
  // A K among trailing fillers is most likely a misread `<`; inside data it is a letter.
  return char === 'K' && /^[<K]*$/.test(restOfField);
}

/**
 * ICAO 9303-3 §4.6.3: after the secondary identifier only fillers follow, so once a name field
 * shows `<<` after its primary/secondary separator, everything after it is filler; K, L and C
 * there are misread chevrons. Returns the positions to set to `<`.
 */
export function trailingFillerPositions(nameField: string): number[] {
  const separator = nameField.indexOf('<<');
  if (separator < 0) return [];
  const end = nameField.indexOf('<<', separator + 2);
  if (end < 0) return [];
  const positions: number[] = [];
  for (let i = end; i < nameField.length; i++) {
    const c = nameField.charAt(i);
    if (c === '<') continue;
    if (!FILLER_LOOKALIKES.has(c)) return [];
    positions.push(i);
  }
  return positions;
}
