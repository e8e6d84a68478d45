/**
 * The codec against ICAO 9303 itself: the character values and 7-3-1 weights of part 3 §4.9
 * (check digits worked out here by hand), and every field of the specimen MRZs printed in parts
 * 4, 5 and 6, each check digit of which is then broken on its own.
 */
import { describe, expect, it } from 'vitest';
import { mrzCharValue, mrzCheckDigit } from './check-digit';
import { formatMrz } from './format-mrz';
import type { MrzError } from './mrz-error';
import { parseMrz } from './parse-mrz';
import { ICAO_TD1, ICAO_TD2, ICAO_TD3, mrzErrorOf, written } from './testing/icao-specimens';

const today = new Date(Date.UTC(2026, 10, 28));

/** ICAO 9303 parts 4, 5 and 6, Appendix A: the specimens. */
const [TD3, TD1, TD2] = [ICAO_TD3, ICAO_TD1, ICAO_TD2];

function failure(lines: readonly string[]): MrzError {
  return mrzErrorOf(() => parseMrz(lines, { today }));
}

/** The lines with the character at (line, column) replaced. */
const changed = (lines: readonly string[], line: number, column: number, char: string): string[] =>
  written(lines, line, column, char);

describe('character values and check digits (ICAO 9303-3 §4.9)', () => {
  it('values digits 0–9, letters 10–35 and the filler 0', () => {
    expect(mrzCharValue('0')).toBe(0);
    expect(mrzCharValue('9')).toBe(9);
    expect(mrzCharValue('A')).toBe(10);
    expect(mrzCharValue('M')).toBe(22);
    expect(mrzCharValue('Z')).toBe(35);
    expect(mrzCharValue('<')).toBe(0);
  });

  it('refuses the characters just outside those ranges, naming them', () => {
    for (const char of ['/', ':', '@', '[', 'a', ' '])
      expect(() => mrzCharValue(char)).toThrow(`not an MRZ character: ${JSON.stringify(char)}`);
  });

  it('weights 7, 3, 1 in turn and keeps the sum modulo 10', () => {
    // Worked by hand: A·7 + B·3 + 2·1 + 1·7 + 3·3 + 4·1 = 70 + 33 + 2 + 7 + 9 + 4 = 125 → 5.
    expect(mrzCheckDigit('AB2134<<<')).toBe('5');
    // 5·7 + 2·3 + 0·1 + 7·7 + 2·3 + 7·1 = 103 → 3.
    expect(mrzCheckDigit('520727')).toBe('3');
    expect(mrzCheckDigit('')).toBe('0');
    expect(mrzCheckDigit('1')).toBe('7');
    expect(mrzCheckDigit('01')).toBe('3');
    expect(mrzCheckDigit('001')).toBe('1');
    expect(mrzCheckDigit('0001')).toBe('7');
  });
});

describe('the ICAO specimens, field by field', () => {
  it('TD3: the passport of part 4', () => {
    expect(parseMrz(TD3, { today })).toEqual({
      format: 'TD3',
      lines: TD3,
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      optionalData1: 'ZE184226B',
      optionalData2: '1',
      personalId: undefined,
      chipKey: { documentNumber: 'L898902C36', dateOfBirth: '7408122', dateOfExpiry: '1204159' },
    });
  });

  it('TD1: the card of part 5', () => {
    expect(parseMrz(TD1, { today })).toMatchObject({
      format: 'TD1',
      documentCode: 'I',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      optionalData1: '',
      optionalData2: '',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });

  it('TD2: the card of part 6', () => {
    expect(parseMrz(TD2, { today })).toMatchObject({
      format: 'TD2',
      documentCode: 'I',
      issuingState: 'UTO',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      optionalData1: '',
      optionalData2: '',
      chipKey: { documentNumber: 'D231458907' },
    });
  });

  it('formats the specimens back from their fields', () => {
    const common = {
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F' as const,
      dateOfExpiry: '2012-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    };
    expect(formatMrz({ ...common, format: 'TD1' })).toEqual(TD1);
    expect(formatMrz({ ...common, format: 'TD2' })).toEqual(TD2);
    expect(
      formatMrz({
        ...common,
        format: 'TD3',
        documentCode: 'P',
        documentNumber: 'L898902C3',
        optionalData1: 'ZE184226B',
      }),
    ).toEqual(TD3);
  });
});

describe('each check digit of the specimens, broken on its own', () => {
  const cases: [string, readonly string[], number, number, string][] = [
    ['TD3 document number', TD3, 1, 9, 'documentNumberCheck'],
    ['TD3 birth date', TD3, 1, 19, 'dateOfBirthCheck'],
    ['TD3 expiry date', TD3, 1, 27, 'dateOfExpiryCheck'],
    ['TD3 composite', TD3, 1, 43, 'compositeCheck'],
    ['TD1 document number', TD1, 0, 14, 'documentNumberCheck'],
    ['TD1 birth date', TD1, 1, 6, 'dateOfBirthCheck'],
    ['TD1 expiry date', TD1, 1, 14, 'dateOfExpiryCheck'],
    ['TD1 composite', TD1, 1, 29, 'compositeCheck'],
    ['TD2 document number', TD2, 1, 9, 'documentNumberCheck'],
    ['TD2 birth date', TD2, 1, 19, 'dateOfBirthCheck'],
    ['TD2 expiry date', TD2, 1, 27, 'dateOfExpiryCheck'],
    ['TD2 composite', TD2, 1, 35, 'compositeCheck'],
  ];
  for (const [what, lines, line, column, field] of cases) {
    it(`${what}: MRZ_CHECK_DIGIT naming ${field}`, () => {
      const printed = lines[line]?.charAt(column) ?? '';
      const wrong = String((Number(printed) + 1) % 10);
      const error = failure(changed(lines, line, column, wrong));
      expect(error.code).toBe('MRZ_CHECK_DIGIT');
      expect(error.detail?.field).toBe(field);
      const name = field.replace(/Check$/, '');
      expect(error.message).toBe(`check digit of ${name} is ${wrong}, computed ${printed}`);
    });
  }

  it('TD3: an unused personal number may carry < or 0 as its check digit, nothing else', () => {
    const lines = formatMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
    expect(lines[1]?.charAt(42)).toBe('<');
    expect(parseMrz(lines, { today }).optionalData2).toBe('');
    // The composite covers the personal number's check digit, so it is made again for each.
    const withCheck = (check: string) => {
      const line = `${lines[1]?.slice(0, 42) ?? ''}${check}`;
      const composite = mrzCheckDigit(
        `${line.slice(0, 10)}${line.slice(13, 20)}${line.slice(21, 43)}`,
      );
      return [lines[0] ?? '', `${line}${composite}`];
    };
    expect(parseMrz(withCheck('0'), { today }).optionalData2).toBe('0');
    expect(failure(withCheck('1')).detail?.field).toBe('optionalData2');
  });

  it('a < check digit stands only where ICAO allows it', () => {
    // TD1 birth date: never.
    expect(failure(changed(TD1, 1, 6, '<')).code).toBe('MRZ_FORMAT');
    // TD3 expiry check as <, with an expiry printed: refused.
    expect(failure(changed(TD3, 1, 27, '<')).code).toBe('MRZ_CHECK_DIGIT');
    // TD2 document number check as <: only TD1 continues long numbers.
    expect(failure(changed(TD2, 1, 9, '<')).code).toBe('MRZ_CHECK_DIGIT');
  });
});
