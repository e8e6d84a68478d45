/**
 * The layout tables against ICAO 9303 itself: the positions (counted from 1, as the standard
 * prints them) of every field of TD3 (part 4 §4.2.2), TD1 (part 5 §4.2.2) and TD2 (part 6
 * §4.2.2), and the spans each check digit covers.
 */
import { describe, expect, it } from 'vitest';
import {
  charFitsClass,
  fieldLayout,
  LAYOUTS,
  layoutForShape,
  readField,
  readSpan,
  TD1,
  TD2,
  TD3,
  type CharClass,
  type FieldName,
  type MrzLayout,
} from './layouts';

/** [field, line (1-based), first position, last position (1-based, inclusive)]. */
type Row = [FieldName, number, number, number];

const ICAO_TD3: Row[] = [
  ['documentCode', 1, 1, 2],
  ['issuingState', 1, 3, 5],
  ['name', 1, 6, 44],
  ['documentNumber', 2, 1, 9],
  ['documentNumberCheck', 2, 10, 10],
  ['nationality', 2, 11, 13],
  ['dateOfBirth', 2, 14, 19],
  ['dateOfBirthCheck', 2, 20, 20],
  ['sex', 2, 21, 21],
  ['dateOfExpiry', 2, 22, 27],
  ['dateOfExpiryCheck', 2, 28, 28],
  ['optionalData1', 2, 29, 42], // personal number
  ['optionalData2', 2, 43, 43], // its check digit
  ['compositeCheck', 2, 44, 44],
];

const ICAO_TD1: Row[] = [
  ['documentCode', 1, 1, 2],
  ['issuingState', 1, 3, 5],
  ['documentNumber', 1, 6, 14],
  ['documentNumberCheck', 1, 15, 15],
  ['optionalData1', 1, 16, 30],
  ['dateOfBirth', 2, 1, 6],
  ['dateOfBirthCheck', 2, 7, 7],
  ['sex', 2, 8, 8],
  ['dateOfExpiry', 2, 9, 14],
  ['dateOfExpiryCheck', 2, 15, 15],
  ['nationality', 2, 16, 18],
  ['optionalData2', 2, 19, 29],
  ['compositeCheck', 2, 30, 30],
  ['name', 3, 1, 30],
];

const ICAO_TD2: Row[] = [
  ['documentCode', 1, 1, 2],
  ['issuingState', 1, 3, 5],
  ['name', 1, 6, 36],
  ['documentNumber', 2, 1, 9],
  ['documentNumberCheck', 2, 10, 10],
  ['nationality', 2, 11, 13],
  ['dateOfBirth', 2, 14, 19],
  ['dateOfBirthCheck', 2, 20, 20],
  ['sex', 2, 21, 21],
  ['dateOfExpiry', 2, 22, 27],
  ['dateOfExpiryCheck', 2, 28, 28],
  ['optionalData1', 2, 29, 35],
  ['compositeCheck', 2, 36, 36],
];

const zeroBased = ([name, line, first, last]: Row) => ({
  name,
  line: line - 1,
  start: first - 1,
  end: last,
});

/** Every position of every line belongs to exactly one field. */
function coversEveryPositionOnce(layout: MrzLayout): boolean {
  for (let line = 0; line < layout.lineCount; line++) {
    for (let col = 0; col < layout.lineLength; col++) {
      const owners = layout.fields.filter((f) => f.line === line && col >= f.start && col < f.end);
      if (owners.length !== 1) return false;
    }
  }
  return true;
}

describe('field positions (ICAO 9303-4/5/6 §4.2.2)', () => {
  const cases: Array<[MrzLayout, Row[], number, number]> = [
    [TD3, ICAO_TD3, 2, 44],
    [TD1, ICAO_TD1, 3, 30],
    [TD2, ICAO_TD2, 2, 36],
  ];
  for (const [layout, rows, lineCount, lineLength] of cases) {
    it(`${layout.format}: ${lineCount} lines of ${lineLength}, each field where ICAO puts it`, () => {
      expect(layout.lineCount).toBe(lineCount);
      expect(layout.lineLength).toBe(lineLength);
      expect(
        layout.fields.map(({ name, line, start, end }) => ({ name, line, start, end })),
      ).toEqual(rows.map(zeroBased));
      expect(coversEveryPositionOnce(layout)).toBe(true);
      expect(LAYOUTS[layout.format]).toBe(layout);
    });
  }
});

describe('what each position may hold', () => {
  const classOf = (layout: MrzLayout, name: FieldName): CharClass =>
    fieldLayout(layout, name).charClass;

  it('dates and their check digits are digits; an expiry may be fillers (no expiry)', () => {
    for (const layout of [TD1, TD2, TD3]) {
      expect(classOf(layout, 'dateOfBirth')).toBe('digit');
      expect(classOf(layout, 'dateOfBirthCheck')).toBe('digit');
      expect(classOf(layout, 'dateOfExpiry')).toBe('digitOrFiller');
      expect(classOf(layout, 'dateOfExpiryCheck')).toBe('digitOrFiller');
      expect(classOf(layout, 'compositeCheck')).toBe('digit');
      expect(classOf(layout, 'documentNumberCheck')).toBe('digitOrFiller');
      expect(classOf(layout, 'documentNumber')).toBe('alnum');
      expect(classOf(layout, 'optionalData1')).toBe('alnum');
      expect(classOf(layout, 'sex')).toBe('sex');
      for (const name of ['documentCode', 'issuingState', 'nationality', 'name'] as const)
        expect(classOf(layout, name)).toBe('alphaOrFiller');
    }
    expect(classOf(TD1, 'optionalData2')).toBe('alnum');
    // TD3: the personal number's check digit, `<` when there is none.
    expect(classOf(TD3, 'optionalData2')).toBe('digitOrFiller');
  });
});

describe('check digits and what they cover (ICAO 9303-4/5/6 §4.2.2.1)', () => {
  const spans = (layout: MrzLayout) =>
    Object.fromEntries(
      layout.checks.map((c) => [c.check, c.covers.map((s) => [s.line + 1, s.start + 1, s.end])]),
    );

  it('TD3: the composite covers positions 1–10, 14–20 and 22–43 of line 2', () => {
    expect(spans(TD3)).toEqual({
      documentNumberCheck: [[2, 1, 9]],
      dateOfBirthCheck: [[2, 14, 19]],
      dateOfExpiryCheck: [[2, 22, 27]],
      compositeCheck: [
        [2, 1, 10],
        [2, 14, 20],
        [2, 22, 43],
      ],
    });
  });

  it('TD1: the composite covers line 1 6–30 and line 2 1–7, 9–15 and 19–29', () => {
    expect(spans(TD1)).toEqual({
      documentNumberCheck: [[1, 6, 14]],
      dateOfBirthCheck: [[2, 1, 6]],
      dateOfExpiryCheck: [[2, 9, 14]],
      compositeCheck: [
        [1, 6, 30],
        [2, 1, 7],
        [2, 9, 15],
        [2, 19, 29],
      ],
    });
  });

  it('TD2: the composite covers positions 1–10, 14–20 and 22–35 of line 2', () => {
    expect(spans(TD2)).toEqual({
      documentNumberCheck: [[2, 1, 9]],
      dateOfBirthCheck: [[2, 14, 19]],
      dateOfExpiryCheck: [[2, 22, 27]],
      compositeCheck: [
        [2, 1, 10],
        [2, 14, 20],
        [2, 22, 35],
      ],
    });
  });
});

describe('layoutForShape', () => {
  it('knows a layout by its number of lines and their length together', () => {
    expect(layoutForShape(3, 30)).toBe(TD1);
    expect(layoutForShape(2, 36)).toBe(TD2);
    expect(layoutForShape(2, 44)).toBe(TD3);
    expect(layoutForShape(2, 30)).toBeUndefined();
    expect(layoutForShape(3, 44)).toBeUndefined();
    expect(layoutForShape(3, 36)).toBeUndefined();
    expect(layoutForShape(1, 90)).toBeUndefined();
  });
});

describe('reading fields', () => {
  const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

  it('reads a field by name, and a line that is not there as empty', () => {
    expect(readField(td2, TD2, 'documentNumber')).toBe('D23145890');
    expect(readField(td2, TD2, 'issuingState')).toBe('UTO');
    expect(readSpan(td2, { line: 2, start: 0, end: 5 })).toBe('');
  });

  it('refuses a field the layout does not have: TD2 has one optional data field', () => {
    expect(() => fieldLayout(TD2, 'optionalData2')).toThrow(
      new RangeError('TD2 has no field optionalData2'),
    );
  });
});

describe('charFitsClass', () => {
  const classes: Record<CharClass, string> = {
    digit: '0123456789',
    digitOrFiller: '0123456789<',
    alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    alphaOrFiller: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ<',
    alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
    sex: 'MFX<',
    filler: '<',
  };
  const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'];

  it('accepts exactly the characters of each class among the MRZ alphabet', () => {
    for (const [charClass, allowed] of Object.entries(classes) as Array<[CharClass, string]>) {
      const fitting = alphabet.filter((c) => charFitsClass(c, charClass)).join('');
      expect(fitting).toBe([...allowed].sort(byAlphabet).join(''));
    }
  });
});

function byAlphabet(a: string, b: string): number {
  const order = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
  return order.indexOf(a) - order.indexOf(b);
}
