/**
 * Every way `parseMrz` refuses a line, each checked for its error code and for the field, line and
 * column it names: the MRZ alphabet and line shapes of ICAO 9303-3 §4.3 and parts 4, 5 and 6, the
 * character each position may hold, the check digits of 9303-3 §4.9 and where a `<` may stand for
 * one, the long document numbers of 9303-5 (note j), dates, state codes, document codes, names and
 * the Vietnamese CCCD profile.
 */
import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from './check-digit';
import { formatCccdTd1, formatMrz } from './format-mrz';
import type { MrzError } from './mrz-error';
import { layoutOfLines, parseMrz, splitMrzNameField } from './parse-mrz';
import {
  ICAO_TD1_FIELDS,
  ICAO_TD1,
  ICAO_TD2,
  ICAO_TD3,
  mrzErrorOf,
  written,
} from './testing/icao-specimens';

const today = new Date(Date.UTC(2026, 10, 28));

/** ICAO 9303 parts 4, 5 and 6, Appendix A: the specimens. */
const [TD3, TD1, TD2] = [ICAO_TD3, ICAO_TD1, ICAO_TD2];

/** A Vietnamese CCCD (personal ID 001090012345, check digit 1). */
const CCCD = formatCccdTd1({
  personalId: '001090012345',
  fullName: 'Nguyễn Thị Đào',
  dateOfBirth: '1990-03-07',
  sex: 'F',
  dateOfExpiry: '2030-03-07',
});

function failure(lines: string | readonly string[]): MrzError {
  return mrzErrorOf(() => parseMrz(lines, { today }));
}

/**
 * The lines with the composite check digit made again, so that a change elsewhere is caught by
 * the check it is meant to test and not by the composite. Spans from ICAO 9303-4/5/6 §4.2.2.1.
 */
function resealed(lines: readonly string[]): string[] {
  const l0 = lines[0] ?? '';
  const l1 = lines[1] ?? '';
  switch (l1.length) {
    case 30: {
      const composite = mrzCheckDigit(
        `${l0.slice(5, 30)}${l1.slice(0, 7)}${l1.slice(8, 15)}${l1.slice(18, 29)}`,
      );
      return written(lines, 1, 29, composite);
    }
    case 36: {
      const composite = mrzCheckDigit(`${l1.slice(0, 10)}${l1.slice(13, 20)}${l1.slice(21, 35)}`);
      return written(lines, 1, 35, composite);
    }
    default: {
      const composite = mrzCheckDigit(`${l1.slice(0, 10)}${l1.slice(13, 20)}${l1.slice(21, 43)}`);
      return written(lines, 1, 43, composite);
    }
  }
}

describe('MRZ_LENGTH: the shapes of ICAO 9303 parts 4, 5 and 6', () => {
  it('no text at all, or only blank lines, is "no MRZ text"', () => {
    for (const text of ['', '   ', '\n\n', ' \r\n \r\n ']) {
      const error = failure(text);
      expect(error.code).toBe('MRZ_LENGTH');
      expect(error.message).toBe('no MRZ text');
    }
    expect(failure([]).message).toBe('no MRZ text');
  });

  it('says how many lines of which lengths it got', () => {
    const short = failure([TD3[0] ?? '', (TD3[1] ?? '').slice(0, 43)]);
    expect(short.code).toBe('MRZ_LENGTH');
    expect(short.message).toBe(
      'an MRZ is 3 lines of 30 (TD1), 2 of 36 (TD2) or 2 of 44 (TD3) characters; got 2 line(s) of 44/43',
    );
    expect(failure([TD1[0] ?? '']).message).toMatch(/; got 1 line\(s\) of 30$/);
    expect(() => layoutOfLines([])).toThrow(/; got 0 line\(s\) of 0$/);
  });

  it('a line count that no layout has is refused even when every line has a layout width', () => {
    // Two lines of 30 (a TD1 that lost its name line) and three lines of 44.
    expect(failure(TD1.slice(0, 2)).code).toBe('MRZ_LENGTH');
    expect(failure(TD1.slice(0, 2)).message).toMatch(/got 2 line\(s\) of 30\/30$/);
    expect(failure([...TD3, TD3[0] ?? '']).code).toBe('MRZ_LENGTH');
    expect(layoutOfLines(TD1).format).toBe('TD1');
    expect(layoutOfLines(TD2).format).toBe('TD2');
    expect(layoutOfLines(TD3).format).toBe('TD3');
  });
});

describe('MRZ_FORMAT: the MRZ alphabet (ICAO 9303-3 §4.3)', () => {
  it('names the line and column of a lower-case letter before judging the layout', () => {
    const error = failure(written(TD3, 0, 5, 'e'));
    expect(error.code).toBe('MRZ_FORMAT');
    expect(error.message).toBe(
      'line 1, column 6: a lower-case letter is not allowed in an MRZ (only A-Z, 0-9 and <)',
    );
    expect(error.detail).toEqual({ line: 0, column: 5 });
  });

  it('names any other character by its Unicode code point', () => {
    expect(failure(written(TD1, 2, 8, '\u00AB')).message).toBe(
      'line 3, column 9: U+00AB is not allowed in an MRZ (only A-Z, 0-9 and <)',
    );
    // A Cyrillic А in the middle line of a TD2.
    expect(failure(written(TD2, 1, 10, '\u0410')).message).toBe(
      'line 2, column 11: U+0410 is not allowed in an MRZ (only A-Z, 0-9 and <)',
    );
  });
});

describe('MRZ_FORMAT: what each position may hold (ICAO 9303-4/5/6 §4.2.2)', () => {
  const cases: Array<[string, readonly string[], number, number, string, string, string]> = [
    // [what, lines, line, column, character, field, expected]
    ['a letter in a TD3 birth date', TD3, 1, 13, 'A', 'dateOfBirth', 'a digit'],
    ['a filler in a TD1 birth date', TD1, 1, 0, '<', 'dateOfBirth', 'a digit'],
    ['a letter in a TD2 expiry date', TD2, 1, 21, 'O', 'dateOfExpiry', 'a digit or <'],
    [
      'a letter as a TD3 document number check',
      TD3,
      1,
      9,
      'B',
      'documentNumberCheck',
      'a digit or <',
    ],
    ['a digit in a TD3 issuing state', TD3, 0, 4, '0', 'issuingState', 'a letter or <'],
    ['a digit in a TD1 nationality', TD1, 1, 15, '0', 'nationality', 'a letter or <'],
    ['a digit in a TD1 name', TD1, 2, 10, '4', 'name', 'a letter or <'],
    ['a digit in a TD2 document code', TD2, 0, 1, '1', 'documentCode', 'a letter or <'],
    ['a sex that is not M, F or X', TD3, 1, 20, 'W', 'sex', 'M, F, X or <'],
    ['a filler as a TD1 composite check', TD1, 1, 29, '<', 'compositeCheck', 'a digit'],
    ['a CCCD: data where Vietnam leaves fillers', CCCD, 1, 18, 'A', 'optionalData2', '<'],
    ['a CCCD: a letter in the personal ID', CCCD, 0, 20, 'A', 'optionalData1', 'a digit'],
    ['a CCCD: a letter in the document number', CCCD, 0, 5, 'A', 'documentNumber', 'a digit'],
  ];
  for (const [what, lines, line, column, char, field, expected] of cases) {
    it(`${what}: line ${line + 1}, column ${column + 1} (${field})`, () => {
      const error = failure(written(lines, line, column, char));
      expect(error.code).toBe('MRZ_FORMAT');
      expect(error.message).toBe(
        `line ${line + 1}, column ${column + 1} (${field}): expected ${expected}, got ${char}`,
      );
      expect(error.detail).toEqual({ line, column, field });
    });
  }
});

describe('MRZ_CHECK_DIGIT: where a < may stand for a check digit', () => {
  it('only the TD1 document number check (long numbers) and an unused expiry may be <', () => {
    const cases: Array<[readonly string[], number, number, string]> = [
      // An expiry is printed, so its check digit is owed, on every layout.
      [TD1, 1, 14, 'dateOfExpiryCheck'],
      [TD2, 1, 27, 'dateOfExpiryCheck'],
      [TD3, 1, 27, 'dateOfExpiryCheck'],
      // Only TD1 continues a long document number in its optional data.
      [TD2, 1, 9, 'documentNumberCheck'],
      [TD3, 1, 9, 'documentNumberCheck'],
    ];
    for (const [lines, line, column, field] of cases) {
      const error = failure(resealed(written(lines, line, column, '<')));
      expect(error.code).toBe('MRZ_CHECK_DIGIT');
      expect(error.detail).toEqual({ field });
      expect(error.message).toMatch(/^check digit of \w+ is <, computed [0-9]$/);
    }
  });

  it('an empty document number does not make its check digit optional', () => {
    for (const lines of [TD2, TD3]) {
      const error = failure(resealed(written(lines, 1, 0, '<<<<<<<<<<')));
      expect(error.code).toBe('MRZ_CHECK_DIGIT');
      expect(error.detail).toEqual({ field: 'documentNumberCheck' });
      expect(error.message).toBe('check digit of documentNumber is <, computed 0');
    }
  });

  it('an expiry that is neither a date nor all fillers owes its check digit', () => {
    for (const expiry of ['12<<<<', '<<<<<1', '<<04<<']) {
      const lines = resealed(written(written(TD3, 1, 21, expiry), 1, 27, '<'));
      const error = failure(lines);
      expect(error.code).toBe('MRZ_CHECK_DIGIT');
      expect(error.detail).toEqual({ field: 'dateOfExpiryCheck' });
    }
  });

  it('a document without expiry carries fillers for the date and its check digit', () => {
    const lines = resealed(written(TD3, 1, 21, '<<<<<<<'));
    const doc = parseMrz(lines, { today });
    expect(doc.dateOfExpiry).toBeUndefined();
    expect(doc.chipKey.dateOfExpiry).toBe('<<<<<<<');
  });

  it('TD3: a personal number that is used owes its check digit; < is for an unused one', () => {
    for (const personal of ['ZE184226B<<<<<', '<<<<<<<<<<<<<1']) {
      const lines = resealed(written(TD3, 1, 28, `${personal}<`));
      const error = failure(lines);
      expect(error.code).toBe('MRZ_CHECK_DIGIT');
      expect(error.detail).toEqual({ field: 'optionalData2' });
      expect(error.message).toBe(
        `check digit of optionalData2 is <, computed ${mrzCheckDigit(personal)}`,
      );
    }
  });
});

describe('long document numbers on TD1 (ICAO 9303-5 §4.2.2, note j)', () => {
  // D23145890734: nine characters in the field, `<` for its check digit, the last three and the
  // check digit of all twelve (9) at the start of the optional data.
  const LONG = [
    'I<UTOD23145890<7349<<<<<<<<<<<',
    '7408122F1204159UTO<<<<<<<<<<<6',
    'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
  ];

  it('joins the number from the optional data, and the chip key takes all of it', () => {
    const doc = parseMrz(LONG, { today });
    expect(doc.documentNumber).toBe('D23145890734');
    expect(doc.chipKey.documentNumber).toBe(`D23145890734${mrzCheckDigit('D23145890734')}`);
    expect(doc.chipKey.documentNumber).toBe('D231458907349');
  });

  it('is what the formatter writes for a twelve-character number, and ten is the shortest', () => {
    const fields = {
      format: 'TD1' as const,
      documentCode: 'I',
      issuingState: 'UTO',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F' as const,
      dateOfExpiry: '2012-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    };
    expect(formatMrz({ ...fields, documentNumber: 'D23145890734' })).toEqual(LONG);
    const ten = formatMrz({ ...fields, documentNumber: 'D231458907' });
    expect(ten[0]).toBe(`I<UTOD23145890<7${mrzCheckDigit('D231458907')}<<<<<<<<<<<<<`);
    expect(parseMrz(ten, { today }).documentNumber).toBe('D231458907');
  });

  it('refuses a continuation whose check digit does not match', () => {
    const wrong = resealed(written(LONG, 0, 18, '8'));
    const error = failure(wrong);
    expect(error.code).toBe('MRZ_CHECK_DIGIT');
    expect(error.message).toBe(
      'long document number: its check digit in the optional data does not match',
    );
    expect(error.detail).toEqual({ field: 'documentNumberCheck' });
  });

  it('refuses a < check digit when the optional data holds no continuation', () => {
    // Only the nine characters' own check digit (7) after the `<`: not a long number.
    const bare = resealed(written(LONG, 0, 15, '7<<<'));
    expect(failure(bare).code).toBe('MRZ_CHECK_DIGIT');
    expect(failure(bare).detail).toEqual({ field: 'documentNumberCheck' });
    const empty = resealed(written(LONG, 0, 15, '<<<<'));
    expect(failure(empty).code).toBe('MRZ_CHECK_DIGIT');
  });
});

describe('MRZ_DATE: dates that do not exist (ICAO 9303-3 §4.6.1)', () => {
  it('names the birth date', () => {
    const lines = resealed(written(written(TD1, 1, 0, '740230'), 1, 6, mrzCheckDigit('740230')));
    const error = failure(lines);
    expect(error.code).toBe('MRZ_DATE');
    expect(error.message).toBe('date of birth 740230 does not exist');
    expect(error.detail).toEqual({ field: 'dateOfBirth' });
  });

  it('names the expiry date', () => {
    const lines = resealed(written(written(TD3, 1, 21, '121315'), 1, 27, mrzCheckDigit('121315')));
    const error = failure(lines);
    expect(error.code).toBe('MRZ_DATE');
    expect(error.message).toBe('date of expiry 121315 does not exist');
    expect(error.detail).toEqual({ field: 'dateOfExpiry' });
  });
});

describe('MRZ_FORMAT: codes no check digit protects', () => {
  it('refuses a state that ICAO 9303-3 does not list, naming the field', () => {
    const issuing = failure(written(TD3, 0, 2, 'ZZZ'));
    expect(issuing.code).toBe('MRZ_FORMAT');
    expect(issuing.message).toBe('issuingState: ZZZ is not an ICAO 9303-3 state code');
    expect(issuing.detail).toEqual({ field: 'issuingState' });
    const nationality = failure(resealed(written(TD2, 1, 10, 'QQ<')));
    expect(nationality.message).toBe('nationality: QQ< is not an ICAO 9303-3 state code');
    expect(nationality.detail).toEqual({ field: 'nationality' });
  });

  it('accepts the codes of 9303-3 that are not ISO countries, fillers removed', () => {
    // D (Germany), XXX (unspecified nationality), UTO (the specimens' Utopia).
    const doc = parseMrz(resealed(written(written(TD3, 0, 2, 'D<<'), 1, 10, 'XXX')), { today });
    expect(doc.issuingState).toBe('D');
    expect(doc.nationality).toBe('XXX');
  });

  it('names the rule a document code breaks, for passports and for cards', () => {
    const card = failure(written(TD1, 0, 0, 'JD'));
    expect(card.code).toBe('MRZ_FORMAT');
    expect(card.message).toBe(
      'documentCode: JD is not a TD1 code (it starts with A, C or I and has no V second)',
    );
    expect(card.detail).toEqual({ field: 'documentCode' });
    expect(failure(written(TD2, 0, 0, 'IV')).message).toBe(
      'documentCode: IV is not a TD2 code (it starts with A, C or I and has no V second)',
    );
    const passport = failure(written(TD3, 0, 0, 'I<'));
    expect(passport.message).toBe('documentCode: I< is not a TD3 code (it starts with P)');
    expect(passport.detail).toEqual({ field: 'documentCode' });
  });
});

describe('names (ICAO 9303-3 §4.6.3)', () => {
  it('splits the primary identifier from the secondary at the first <<', () => {
    expect(splitMrzNameField('ERIKSSON<<ANNA<MARIA<<<<<<<<<<')).toEqual({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
    expect(splitMrzNameField('VAN<DER<BERG<<ANNA<<<<<<<<<<<<')).toEqual({
      surname: 'VAN DER BERG',
      givenNames: 'ANNA',
    });
    // Only one identifier: it is the primary one.
    expect(splitMrzNameField('ERIKSSON<<<<<<<<<<<<<<<<<<<<<<')).toEqual({
      surname: 'ERIKSSON',
      givenNames: '',
    });
    // Fillers never make empty name components.
    expect(splitMrzNameField('ERIKSSON<<ANNA<<MARIA<<<<<<<<<')).toEqual({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });

  it('keeps an empty primary identifier empty, and parseMrz refuses it', () => {
    expect(splitMrzNameField('<<ANNA<MARIA<<<<<<<<<<<<<<<<<<')).toEqual({
      surname: '',
      givenNames: 'ANNA MARIA',
    });
    const error = failure(written(TD1, 2, 0, '<<ANNA<MARIA<<<<<<<<<<<<<<<<<<'));
    expect(error.code).toBe('MRZ_FORMAT');
    expect(error.message).toBe('the name field has no primary identifier');
    expect(error.detail).toEqual({ field: 'name' });
  });
});

describe('optional data', () => {
  it('keeps fillers inside the data and drops only the padding after it', () => {
    const lines = formatMrz({
      ...ICAO_TD1_FIELDS,
      optionalData1: 'AB<CD',
      optionalData2: '12<34',
    });
    expect(lines[0]).toBe('I<UTOD231458907AB<CD<<<<<<<<<<');
    expect(lines[1]?.slice(18, 29)).toBe('12<34<<<<<<');
    const doc = parseMrz(lines, { today });
    expect(doc.optionalData1).toBe('AB<CD');
    expect(doc.optionalData2).toBe('12<34');
  });
});

describe('the Vietnamese CCCD profile', () => {
  it('reads the personal ID and its check digit as the optional data', () => {
    const doc = parseMrz(CCCD, { today });
    expect(doc.personalId).toBe('001090012345');
    expect(doc.optionalData1).toBe('001090012345<<1');
  });

  it('refuses a personal ID whose own check digit does not match, naming it', () => {
    const lines = resealed(written(CCCD, 0, 29, '2'));
    const error = failure(lines);
    expect(error.code).toBe('MRZ_CHECK_DIGIT');
    expect(error.message).toBe('check digit of optionalData1 is 2, computed 1');
    expect(error.detail).toEqual({ field: 'optionalData1' });
  });

  it('refuses a document number that is not the last nine digits of the personal ID', () => {
    const personalId = '001090012346';
    const lines = resealed(written(CCCD, 0, 15, `${personalId}<<${mrzCheckDigit(personalId)}`));
    const error = failure(lines);
    expect(error.code).toBe('MRZ_CCCD_MISMATCH');
    expect(error.message).toBe(
      'CCCD: the document number is not the last 9 digits of the personal ID in the optional data',
    );
    expect(error.detail).toEqual({ field: 'documentNumber' });
  });
});

describe('the chip key (ICAO 9303-11 §9.7.2: MRZ information)', () => {
  it('takes a short document number as printed, fillers and check digit included', () => {
    const lines = resealed(written(TD2, 1, 0, `A1234<<<<${mrzCheckDigit('A1234<<<<')}`));
    const doc = parseMrz(lines, { today });
    expect(doc.documentNumber).toBe('A1234');
    expect(doc.chipKey).toEqual({
      documentNumber: `A1234<<<<${mrzCheckDigit('A1234')}`,
      dateOfBirth: '7408122',
      dateOfExpiry: '1204159',
    });
  });
});
