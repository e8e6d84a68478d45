import { states } from 'mrz';
import { mrzCheckDigit } from './check-digit';
import {
  charFitsClass,
  layoutForShape,
  readField,
  readSpan,
  type CharClass,
  type FieldName,
  type MrzFormat,
  type MrzLayout,
} from './layouts';
import { birthDateFromMrz, expiryDateFromMrz, type MrzDateContext } from './mrz-date';
import type { MrzDocument, MrzSex } from './mrz-document';
import { MrzError } from './mrz-error';
import { assertMrzAlphabet, splitMrzText } from './mrz-text';
import { positionClasses } from './position-classes';
import { cccdDocumentNumber, isCccdTd1, readCccdOptionalData } from './vietnam-cccd';

export interface ParseMrzOptions {
  /** Today, for the century rule; defaults to the clock. */
  readonly today?: Date;
  readonly expiryWindowYears?: number;
}

const CLASS_WORDS: Readonly<Record<CharClass, string>> = {
  digit: 'a digit',
  digitOrFiller: 'a digit or <',
  alpha: 'a letter',
  alphaOrFiller: 'a letter or <',
  alnum: 'a letter, digit or <',
  sex: 'M, F, X or <',
  filler: '<',
};

/** `UTO` is ICAO's fictional state of the specimen documents; `mrz` does not list it. */
const SPECIMEN_STATES = new Set(['UTO']);

/** The layout whose line count and length the lines have; `MRZ_LENGTH` otherwise. */
export function layoutOfLines(lines: readonly string[]): MrzLayout {
  const lengths = new Set(lines.map((l) => l.length));
  const length = lines[0]?.length ?? 0;
  const layout = lengths.size === 1 ? layoutForShape(lines.length, length) : undefined;
  if (!layout) {
    throw new MrzError(
      'MRZ_LENGTH',
      `an MRZ is 3 lines of 30 (TD1), 2 of 36 (TD2) or 2 of 44 (TD3) characters; got ${lines.length} line(s) of ${[...lines.map((l) => l.length)].join('/') || 0}`,
    );
  }
  return layout;
}

function assertPositionClasses(layout: MrzLayout, lines: readonly string[]): void {
  const classes = positionClasses(layout, lines);
  lines.forEach((line, li) => {
    for (let col = 0; col < line.length; col++) {
      const cls = classes[li]?.[col] ?? 'alnum';
      const char = line.charAt(col);
      if (!charFitsClass(char, cls)) {
        const field = layout.fields.find((f) => f.line === li && col >= f.start && col < f.end);
        throw new MrzError(
          'MRZ_FORMAT',
          `line ${li + 1}, column ${col + 1} (${field?.name ?? 'field'}): expected ${CLASS_WORDS[cls]}, got ${char}`,
          { line: li, column: col, field: field?.name },
        );
      }
    }
  });
}

function checkDigitError(field: FieldName, expected: string, got: string): MrzError {
  return new MrzError(
    'MRZ_CHECK_DIGIT',
    `check digit of ${field.replace(/Check$/, '')} is ${got}, computed ${expected}`,
    { field },
  );
}

/** Every check digit of the layout; a `<` check digit is only allowed where ICAO allows it. */
export function assertCheckDigits(layout: MrzLayout, lines: readonly string[]): void {
  for (const check of layout.checks) {
    const got = readField(lines, layout, check.check);
    const covered = check.covers.map((s) => readSpan(lines, s)).join('');
    if (got === '<') {
      // TD1 long document number (9303-5 §4.2.2, note j) or an unused expiry: the check is `<`
      // only when what it covers is empty or continues in the optional data.
      const allowed =
        (check.check === 'documentNumberCheck' && layout.format === 'TD1') ||
        (check.check === 'dateOfExpiryCheck' && /^<+$/.test(covered));
      if (allowed) continue;
    }
    const expected = mrzCheckDigit(covered);
    if (got !== expected) throw checkDigitError(check.check, expected, got);
  }
  if (layout.format === 'TD3') {
    // Personal number check digit: `<` or 0 when the personal number is all fillers.
    const personal = readField(lines, layout, 'optionalData1');
    const got = readField(lines, layout, 'optionalData2');
    const unused = /^<+$/.test(personal) && (got === '<' || got === '0');
    if (!unused && got !== mrzCheckDigit(personal)) {
      throw checkDigitError('optionalData2', mrzCheckDigit(personal), got);
    }
  }
}

/** TD1 with a document number longer than 9 characters continues it in the optional data. */
function documentNumberOf(layout: MrzLayout, lines: readonly string[]): string {
  const number = readField(lines, layout, 'documentNumber');
  const check = readField(lines, layout, 'documentNumberCheck');
  if (layout.format !== 'TD1' || check !== '<') return number.replace(/<+$/, '');
  const optional = readField(lines, layout, 'optionalData1');
  const rest = optional.split('<')[0] ?? '';
  if (rest.length < 2 || rest.slice(-1) !== mrzCheckDigit(`${number}${rest.slice(0, -1)}`)) {
    throw new MrzError(
      'MRZ_CHECK_DIGIT',
      'long document number: its check digit in the optional data does not match',
      { field: 'documentNumberCheck' },
    );
  }
  return `${number}${rest.slice(0, -1)}`;
}

/**
 * The document code is under no check digit, so a misread letter would pass every check. ICAO
 * 9303-4 §4.2.2: a passport's code starts with `P`; 9303-5 and 9303-6 §4.2.2: a card's with `A`,
 * `C` or `I`, and its second letter is never `V` (kept for visas).
 */
function assertDocumentCode(code: string, format: MrzFormat): string {
  const allowed = format === 'TD3' ? /^P[A-Z<]$/ : /^[ACI][A-UW-Z<]$/;
  if (!allowed.test(code)) {
    const rule = format === 'TD3' ? 'starts with P' : 'starts with A, C or I and has no V second';
    throw new MrzError('MRZ_FORMAT', `documentCode: ${code} is not a ${format} code (it ${rule})`, {
      field: 'documentCode',
    });
  }
  return code.replace(/<+$/, '');
}

function assertState(code: string, field: FieldName): string {
  const clean = code.replace(/<+$/, '');
  if (!(clean in states) && !SPECIMEN_STATES.has(clean)) {
    throw new MrzError('MRZ_FORMAT', `${field}: ${code} is not an ICAO 9303-3 state code`, {
      field,
    });
  }
  return clean;
}

/**
 * ICAO 9303-3 §4.6.3: primary identifier, `<<`, secondary identifier, components split by `<`.
 * An empty primary identifier is returned as it is; `parseMrz` refuses it.
 */
export function splitMrzNameField(field: string): { surname: string; givenNames: string } {
  const trimmed = field.replace(/<+$/, '');
  const at = trimmed.indexOf('<<');
  const surname = at < 0 ? trimmed : trimmed.slice(0, at);
  const given = at < 0 ? '' : trimmed.slice(at + 2);
  const words = (s: string): string => s.split('<').filter(Boolean).join(' ');
  return { surname: words(surname), givenNames: words(given) };
}

function splitName(field: string): { surname: string; givenNames: string } {
  const name = splitMrzNameField(field);
  if (name.surname.length === 0) {
    throw new MrzError('MRZ_FORMAT', 'the name field has no primary identifier', {
      field: 'name',
    });
  }
  return name;
}

export function sexOf(char: string): MrzSex {
  return char === 'M' || char === 'F' ? char : 'X';
}

/**
 * Parses and validates an MRZ (TD1, TD2 or TD3). Throws `MrzError` with a stable code on the
 * first problem; never returns a document with a failed check.
 */
export function parseMrz(
  text: string | readonly string[],
  options: ParseMrzOptions = {},
): MrzDocument {
  const lines = splitMrzText(text);
  if (lines.length === 0) throw new MrzError('MRZ_LENGTH', 'no MRZ text');
  assertMrzAlphabet(lines);
  const layout = layoutOfLines(lines);
  assertPositionClasses(layout, lines);
  assertCheckDigits(layout, lines);

  const ctx: MrzDateContext = {
    today: options.today ?? new Date(),
    expiryWindowYears: options.expiryWindowYears,
  };
  const rawBirth = readField(lines, layout, 'dateOfBirth');
  const dateOfBirth = birthDateFromMrz(rawBirth, ctx);
  if (!dateOfBirth) {
    throw new MrzError('MRZ_DATE', `date of birth ${rawBirth} does not exist`, {
      field: 'dateOfBirth',
    });
  }
  const rawExpiry = readField(lines, layout, 'dateOfExpiry');
  let dateOfExpiry: string | undefined;
  if (rawExpiry !== '<<<<<<') {
    dateOfExpiry = expiryDateFromMrz(rawExpiry, ctx);
    if (!dateOfExpiry) {
      throw new MrzError('MRZ_DATE', `date of expiry ${rawExpiry} does not exist`, {
        field: 'dateOfExpiry',
      });
    }
  }

  const documentNumber = documentNumberOf(layout, lines);
  let personalId: string | undefined;
  if (layout.format === 'TD1' && isCccdTd1(lines)) {
    const data = readCccdOptionalData(lines[0] ?? '');
    if (data.personalIdCheck !== mrzCheckDigit(data.personalId)) {
      throw checkDigitError('optionalData1', mrzCheckDigit(data.personalId), data.personalIdCheck);
    }
    if (cccdDocumentNumber(data.personalId) !== documentNumber) {
      throw new MrzError(
        'MRZ_CCCD_MISMATCH',
        'CCCD: the document number is not the last 9 digits of the personal ID in the optional data',
        { field: 'documentNumber' },
      );
    }
    personalId = data.personalId;
  }

  const code = readField(lines, layout, 'documentCode');
  const { surname, givenNames } = splitName(readField(lines, layout, 'name'));
  const optional2 = layout.fields.some((f) => f.name === 'optionalData2')
    ? readField(lines, layout, 'optionalData2')
    : '';
  const withCheck = (name: FieldName, checkName: FieldName): string =>
    `${readField(lines, layout, name)}${readField(lines, layout, checkName)}`;
  return {
    format: layout.format,
    lines,
    documentCode: assertDocumentCode(code, layout.format),
    issuingState: assertState(readField(lines, layout, 'issuingState'), 'issuingState'),
    documentNumber,
    nationality: assertState(readField(lines, layout, 'nationality'), 'nationality'),
    dateOfBirth,
    sex: sexOf(readField(lines, layout, 'sex')),
    dateOfExpiry,
    surname,
    givenNames,
    optionalData1: readField(lines, layout, 'optionalData1').replace(/<+$/, ''),
    optionalData2: optional2.replace(/<+$/, ''),
    personalId,
    chipKey: {
      documentNumber:
        readField(lines, layout, 'documentNumberCheck') === '<'
          ? `${documentNumber}${mrzCheckDigit(documentNumber)}`
          : withCheck('documentNumber', 'documentNumberCheck'),
      dateOfBirth: withCheck('dateOfBirth', 'dateOfBirthCheck'),
      dateOfExpiry: withCheck('dateOfExpiry', 'dateOfExpiryCheck'),
    },
  };
}
