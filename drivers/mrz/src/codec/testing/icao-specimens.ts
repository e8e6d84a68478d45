import type { MrzFields } from '../format-mrz';
import { MrzError } from '../mrz-error';

/**
 * ICAO's own specimen MRZs and small helpers for the codec's tests, written once: the
 * specimens are published data (ICAO 9303 parts 4, 5 and 6, Appendix A), so the tests check
 * the codec against the standard's text, not against what the codec itself produced.
 */

/** ICAO 9303-4 Appendix A: the specimen passport (TD3). */
export const ICAO_TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
] as const;

/** ICAO 9303-5 Appendix A: the specimen card (TD1). */
export const ICAO_TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
] as const;

/** ICAO 9303-6 Appendix A: the specimen card (TD2). */
export const ICAO_TD2 = [
  'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<',
  'D231458907UTO7408122F1204159<<<<<<<6',
] as const;

/** The fields of the TD1 specimen, for the formatter. */
export const ICAO_TD1_FIELDS: MrzFields = {
  format: 'TD1',
  documentCode: 'I',
  issuingState: 'UTO',
  documentNumber: 'D23145890',
  nationality: 'UTO',
  dateOfBirth: '1974-08-12',
  sex: 'F',
  dateOfExpiry: '2012-04-15',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
};

/** The MrzError `run` throws; fails the test when it throws something else or nothing. */
export function mrzErrorOf(run: () => unknown): MrzError {
  try {
    run();
  } catch (error) {
    if (error instanceof MrzError) return error;
    throw error;
  }
  throw new Error('expected an MrzError');
}

/** The lines with `text` written over line `line` from `column` on. */
export function written(
  lines: readonly string[],
  line: number,
  column: number,
  text: string,
): string[] {
  return lines.map((l, i) =>
    i === line ? `${l.slice(0, column)}${text}${l.slice(column + text.length)}` : l,
  );
}
