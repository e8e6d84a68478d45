import { mrzCheckDigit } from './check-digit';
import type { CharClass } from './layouts';

/**
 * The TD1 MRZ of the Vietnamese chip ID card (CCCD, 2021; Căn cước, 2024). ICAO 9303-5 leaves the
 * optional data to the issuing state; Vietnam fills it like this (observed on issued cards):
 *
 * ```
 * line 1  IDVNM ddddddddd c iiiiiiiiiiii << k     (30)
 *         │ │   │         │ │            │  └ check digit of the 12-digit personal ID (9303-3 §4.9)
 *         │ │   │         │ │            └ fillers
 *         │ │   │         │ └ the full 12-digit personal identification number
 *         │ │   │         └ check digit of the document number
 *         │ │   └ document number = the LAST 9 digits of the 12-digit personal ID
 *         │ └ issuing state VNM
 *         └ document code ID
 * line 2  YYMMDD c S YYMMDD c VNM <<<<<<<<<<< C   (optional data 2 unused; C = composite)
 * line 3  SURNAME<<GIVEN<NAMES<<<<<<<<<<<<<<<<<   (Vietnamese without diacritics)
 * ```
 *
 * The chip's BAC key uses the 9-digit document number, so the MRZ alone gives the chip keys.
 */
export const CCCD_PREFIX = 'IDVNM';

export function isCccdTd1(lines: readonly string[]): boolean {
  return lines.length === 3 && (lines[0] ?? '').startsWith(CCCD_PREFIX);
}

/** Stricter character classes for the CCCD positions that ICAO leaves open. */
export function cccdClassOverrides(): ReadonlyArray<{
  line: number;
  start: number;
  end: number;
  charClass: CharClass;
}> {
  return [
    { line: 0, start: 5, end: 15, charClass: 'digit' },
    { line: 0, start: 15, end: 27, charClass: 'digit' },
    { line: 0, start: 27, end: 29, charClass: 'filler' },
    { line: 0, start: 29, end: 30, charClass: 'digit' },
    { line: 1, start: 18, end: 29, charClass: 'filler' },
  ];
}

export interface CccdOptionalData {
  readonly personalId: string;
  readonly personalIdCheck: string;
}

export function readCccdOptionalData(line1: string): CccdOptionalData {
  return { personalId: line1.slice(15, 27), personalIdCheck: line1.slice(29, 30) };
}

/** Line 1 optional data for a 12-digit personal ID. */
export function cccdOptionalData(personalId: string): string {
  return `${personalId}<<${mrzCheckDigit(personalId)}`;
}

export function cccdDocumentNumber(personalId: string): string {
  return personalId.slice(3);
}
