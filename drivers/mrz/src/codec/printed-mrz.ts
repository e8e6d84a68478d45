import { LAYOUTS, readField, type MrzFormat, type MrzLayout } from './layouts';
import type { MrzSex } from './mrz-document';
import { assertMrzAlphabet, splitMrzText } from './mrz-text';
import { assertCheckDigits, layoutOfLines, sexOf, splitMrzNameField } from './parse-mrz';
import { isCccdTd1, readCccdOptionalData } from './vietnam-cccd';

/**
 * An MRZ read field by field as it is printed, before it is judged: dates stay `YYMMDD`, and a
 * wrong check digit is reported in `checkDigitsValid` instead of thrown. This is how the chip's
 * DG1 is read (the chip's copy is signed, so a check digit is a fact to report, not a typo) and
 * how an access key is taken from an MRZ (BAC/PACE recompute the check digits, ICAO 9303-11
 * §9.7.2). `parseMrz` is the strict reading of the same layouts.
 */
export interface PrintedMrz {
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  readonly documentCode: string;
  readonly issuingState: string;
  /** The 9-character document number field, fillers removed. */
  readonly documentNumber: string;
  /** Optional data as printed (TD1: both optional fields), fillers removed at the end. */
  readonly optionalData: string;
  /** YYMMDD as printed. */
  readonly dateOfBirth: string;
  readonly sex: MrzSex;
  /** YYMMDD as printed (`<<<<<<` when the document does not expire). */
  readonly dateOfExpiry: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  /** Vietnamese CCCD only: the 12-digit personal ID from the TD1 optional data. */
  readonly personalId?: string;
  readonly checkDigitsValid: boolean;
}

/**
 * Lines as they arrive: one per line, or all run together as DG1 stores them (ICAO 9303-10
 * §4.7.1 holds the MRZ without line breaks), cut at the length of the layout they fill.
 */
function linesOf(text: string | readonly string[]): string[] {
  const lines = splitMrzText(text);
  const [only] = lines;
  if (lines.length !== 1 || only === undefined) return lines;
  const layout = Object.values(LAYOUTS).find((l) => l.lineCount * l.lineLength === only.length);
  if (!layout) return lines;
  return Array.from({ length: layout.lineCount }, (_, i) =>
    only.slice(i * layout.lineLength, (i + 1) * layout.lineLength),
  );
}

function checkDigitsHold(layout: MrzLayout, lines: readonly string[]): boolean {
  try {
    assertCheckDigits(layout, lines);
    return true;
  } catch {
    return false;
  }
}

/** Throws `MrzError` (`MRZ_LENGTH`, `MRZ_FORMAT`) only when the text is not an MRZ at all. */
export function readPrintedMrz(text: string | readonly string[]): PrintedMrz {
  const lines = linesOf(text);
  assertMrzAlphabet(lines);
  const layout = layoutOfLines(lines);
  const field = (name: Parameters<typeof readField>[2]): string => readField(lines, layout, name);
  const optional2 = layout.format === 'TD1' ? field('optionalData2') : '';
  const cccd = isCccdTd1(lines) ? readCccdOptionalData(lines[0] ?? '').personalId : undefined;
  return {
    format: layout.format,
    lines,
    documentCode: field('documentCode').replace(/<+$/, '').replace(/</g, ' '),
    issuingState: field('issuingState'),
    documentNumber: field('documentNumber').replace(/<+$/, ''),
    optionalData: `${field('optionalData1')}${optional2}`.replace(/<+$/, ''),
    dateOfBirth: field('dateOfBirth'),
    sex: sexOf(field('sex')),
    dateOfExpiry: field('dateOfExpiry'),
    nationality: field('nationality'),
    ...splitMrzNameField(field('name')),
    personalId: cccd !== undefined && /^\d{12}$/.test(cccd) ? cccd : undefined,
    checkDigitsValid: checkDigitsHold(layout, lines),
  };
}
