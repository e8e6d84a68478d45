/**
 * The three ICAO 9303 MRZ layouts as data: where each field sits, which characters each position
 * may hold, and which ranges each check digit covers. The parser, the generator and the OCR
 * correction all read this one table.
 *
 * TD3: ICAO 9303-4 §4.2.2 (2 × 44). TD1: ICAO 9303-5 §4.2.2 (3 × 30). TD2: ICAO 9303-6 §4.2.2
 * (2 × 36).
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/**
 * What a position may hold. `alnum` fields (document numbers, optional data) are the only ones
 * where OCR confusions cannot be settled by the layout alone; check digits settle them.
 */
export type CharClass =
  'digit' | 'digitOrFiller' | 'alpha' | 'alphaOrFiller' | 'alnum' | 'sex' | 'filler';

export type FieldName =
  | 'documentCode'
  | 'issuingState'
  | 'documentNumber'
  | 'documentNumberCheck'
  | 'optionalData1'
  | 'dateOfBirth'
  | 'dateOfBirthCheck'
  | 'sex'
  | 'dateOfExpiry'
  | 'dateOfExpiryCheck'
  | 'nationality'
  | 'optionalData2'
  | 'compositeCheck'
  | 'name';

export interface FieldSpan {
  readonly line: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface FieldLayout extends FieldSpan {
  readonly name: FieldName;
  readonly charClass: CharClass;
}

export interface CheckDigitLayout {
  /** The field holding the check digit. */
  readonly check: FieldName;
  /** The spans it covers, concatenated in order. */
  readonly covers: readonly FieldSpan[];
}

export interface MrzLayout {
  readonly format: MrzFormat;
  readonly lineCount: number;
  readonly lineLength: number;
  readonly fields: readonly FieldLayout[];
  readonly checks: readonly CheckDigitLayout[];
}

const f = (
  name: FieldName,
  line: number,
  start: number,
  end: number,
  charClass: CharClass,
): FieldLayout => ({ name, line, start, end, charClass });

const span = (line: number, start: number, end: number): FieldSpan => ({ line, start, end });

export const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  fields: [
    f('documentCode', 0, 0, 2, 'alphaOrFiller'),
    f('issuingState', 0, 2, 5, 'alphaOrFiller'),
    f('documentNumber', 0, 5, 14, 'alnum'),
    f('documentNumberCheck', 0, 14, 15, 'digitOrFiller'),
    f('optionalData1', 0, 15, 30, 'alnum'),
    f('dateOfBirth', 1, 0, 6, 'digit'),
    f('dateOfBirthCheck', 1, 6, 7, 'digit'),
    f('sex', 1, 7, 8, 'sex'),
    f('dateOfExpiry', 1, 8, 14, 'digitOrFiller'),
    f('dateOfExpiryCheck', 1, 14, 15, 'digitOrFiller'),
    f('nationality', 1, 15, 18, 'alphaOrFiller'),
    f('optionalData2', 1, 18, 29, 'alnum'),
    f('compositeCheck', 1, 29, 30, 'digit'),
    f('name', 2, 0, 30, 'alphaOrFiller'),
  ],
  checks: [
    { check: 'documentNumberCheck', covers: [span(0, 5, 14)] },
    { check: 'dateOfBirthCheck', covers: [span(1, 0, 6)] },
    { check: 'dateOfExpiryCheck', covers: [span(1, 8, 14)] },
    // ICAO 9303-5 §4.2.2.1: upper line 6–30, middle line 1–7, 9–15 and 19–29.
    {
      check: 'compositeCheck',
      covers: [span(0, 5, 30), span(1, 0, 7), span(1, 8, 15), span(1, 18, 29)],
    },
  ],
};

export const TD2: MrzLayout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  fields: [
    f('documentCode', 0, 0, 2, 'alphaOrFiller'),
    f('issuingState', 0, 2, 5, 'alphaOrFiller'),
    f('name', 0, 5, 36, 'alphaOrFiller'),
    f('documentNumber', 1, 0, 9, 'alnum'),
    f('documentNumberCheck', 1, 9, 10, 'digitOrFiller'),
    f('nationality', 1, 10, 13, 'alphaOrFiller'),
    f('dateOfBirth', 1, 13, 19, 'digit'),
    f('dateOfBirthCheck', 1, 19, 20, 'digit'),
    f('sex', 1, 20, 21, 'sex'),
    f('dateOfExpiry', 1, 21, 27, 'digitOrFiller'),
    f('dateOfExpiryCheck', 1, 27, 28, 'digitOrFiller'),
    f('optionalData1', 1, 28, 35, 'alnum'),
    f('compositeCheck', 1, 35, 36, 'digit'),
  ],
  checks: [
    { check: 'documentNumberCheck', covers: [span(1, 0, 9)] },
    { check: 'dateOfBirthCheck', covers: [span(1, 13, 19)] },
    { check: 'dateOfExpiryCheck', covers: [span(1, 21, 27)] },
    { check: 'compositeCheck', covers: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 35)] },
  ],
};

export const TD3: MrzLayout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  fields: [
    f('documentCode', 0, 0, 2, 'alphaOrFiller'),
    f('issuingState', 0, 2, 5, 'alphaOrFiller'),
    f('name', 0, 5, 44, 'alphaOrFiller'),
    f('documentNumber', 1, 0, 9, 'alnum'),
    f('documentNumberCheck', 1, 9, 10, 'digitOrFiller'),
    f('nationality', 1, 10, 13, 'alphaOrFiller'),
    f('dateOfBirth', 1, 13, 19, 'digit'),
    f('dateOfBirthCheck', 1, 19, 20, 'digit'),
    f('sex', 1, 20, 21, 'sex'),
    f('dateOfExpiry', 1, 21, 27, 'digitOrFiller'),
    f('dateOfExpiryCheck', 1, 27, 28, 'digitOrFiller'),
    // ICAO 9303-4: personal number (optional data) and its check digit, `<` when unused.
    f('optionalData1', 1, 28, 42, 'alnum'),
    f('optionalData2', 1, 42, 43, 'digitOrFiller'),
    f('compositeCheck', 1, 43, 44, 'digit'),
  ],
  checks: [
    { check: 'documentNumberCheck', covers: [span(1, 0, 9)] },
    { check: 'dateOfBirthCheck', covers: [span(1, 13, 19)] },
    { check: 'dateOfExpiryCheck', covers: [span(1, 21, 27)] },
    { check: 'compositeCheck', covers: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 43)] },
  ],
};

export const LAYOUTS: Readonly<Record<MrzFormat, MrzLayout>> = { TD1, TD2, TD3 };

/** Picks the layout from the shape of the lines alone. */
export function layoutForShape(lineCount: number, lineLength: number): MrzLayout | undefined {
  return Object.values(LAYOUTS).find(
    (l) => l.lineCount === lineCount && l.lineLength === lineLength,
  );
}

export function fieldLayout(layout: MrzLayout, name: FieldName): FieldLayout {
  const field = layout.fields.find((x) => x.name === name);
  if (!field) throw new RangeError(`${layout.format} has no field ${name}`);
  return field;
}

export function readSpan(lines: readonly string[], s: FieldSpan): string {
  return (lines[s.line] ?? '').slice(s.start, s.end);
}

export function readField(lines: readonly string[], layout: MrzLayout, name: FieldName): string {
  return readSpan(lines, fieldLayout(layout, name));
}

const CLASS_PATTERNS: Readonly<Record<CharClass, RegExp>> = {
  digit: /^[0-9]$/,
  digitOrFiller: /^[0-9<]$/,
  alpha: /^[A-Z]$/,
  alphaOrFiller: /^[A-Z<]$/,
  alnum: /^[A-Z0-9<]$/,
  sex: /^[MFX<]$/,
  filler: /^<$/,
};

export function charFitsClass(char: string, charClass: CharClass): boolean {
  return CLASS_PATTERNS[charClass].test(char);
}
