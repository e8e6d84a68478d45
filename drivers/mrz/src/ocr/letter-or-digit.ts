import { MrzError } from '../codec/mrz-error';

/**
 * Letter or digit in an alphanumeric MRZ field (document number, optional data), decided by
 * the glyph's shape. The check digit cannot be trusted with it: the 7-3-1 weights (ICAO 9303-3
 * §4.9) let two O↔0 substitutions at weights 7 and 3 cancel (O is worth 24: 7·24 + 3·24 = 240 ≡ 0
 * mod 10), so "ZS0OO01774" passes like "ZS0000 1774" would. OCR-B draws the two apart (its 0 is
 * a narrower oval than the round O, 9303-3 §4.2 / ISO 1073-2); the glyph model's logit margin
 * between them says how clearly this cell shows it, and an unclear cell is refused.
 */

/** The look-alike of each letter or digit on the other side (OCR-B and common fonts). */
const COUNTERPART: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
};

/**
 * Logit margin the shape must show (in the model's units; `e^4` ≈ 55 : 1 odds) when the OCR-B
 * templates lean the same way, and {@link STRONG_SHAPE_MARGIN} to overrule them. On cells of the
 * training generator that the model was not trained on, no printed O/0, I/1, … look-alike
 * scored a clear margin for the wrong side (`drivers/mrz/bench/train-glyph-model.ts` prints
 * the count); on other fonts' renderings a wrong margin reached about 4, hence the second
 * opinion below 8.
 */
export const SHAPE_MARGIN = 4;
export const STRONG_SHAPE_MARGIN = 8;

/** How the cell's shape scores `letter` against `digit`: > 0 says letter. */
export type ShapeMargin = (line: number, column: number, letter: string, digit: string) => number;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** The letter/digit pair to settle for a cell whose best glyph is `char`, if it has one. */
export function letterDigitPair(char: string): { letter: string; digit: string } | undefined {
  const other = COUNTERPART[char];
  if (!other) return undefined;
  return isDigit(char) ? { letter: other, digit: char } : { letter: char, digit: other };
}

/**
 * The character the shape says (letter or digit): its margin must reach {@link SHAPE_MARGIN} with
 * the templates' preference (`templatePrefers`) on the same side, or {@link STRONG_SHAPE_MARGIN}
 * alone; otherwise `MRZ_AMBIGUOUS` — also when no shape was measured.
 */
export function decideLetterOrDigit(
  line: number,
  column: number,
  pair: { letter: string; digit: string },
  shape: ShapeMargin | undefined,
  templatePrefers?: string,
): string {
  const margin = shape ? shape(line, column, pair.letter, pair.digit) : 0;
  const says = margin > 0 ? pair.letter : pair.digit;
  const size = Math.abs(margin);
  if (size >= STRONG_SHAPE_MARGIN || (size >= SHAPE_MARGIN && templatePrefers === says))
    return says;
  throw new MrzError(
    'MRZ_AMBIGUOUS',
    `line ${line + 1}, column ${column + 1}: ${pair.letter} or ${pair.digit} in an alphanumeric field, and the glyph's shape does not decide`,
    { line, column },
  );
}
