import type { MrzFormat } from './layouts';

export type MrzSex = 'M' | 'F' | 'X';

/** A parsed, validated MRZ: every check digit passed, every date exists. */
export interface MrzDocument {
  readonly format: MrzFormat;
  /** The lines exactly as validated (after any OCR correction). */
  readonly lines: readonly string[];
  /** e.g. `ID`, `I<`, `P<` → `ID`, `I`, `P`. */
  readonly documentCode: string;
  readonly issuingState: string;
  /** The full document number, fillers removed (TD1 long numbers joined from the optional data). */
  readonly documentNumber: string;
  readonly nationality: string;
  /** ISO `YYYY-MM-DD`, century chosen so it is not in the future. */
  readonly dateOfBirth: string;
  readonly sex: MrzSex;
  /** ISO `YYYY-MM-DD`; undefined when the MRZ has no expiry (all fillers). */
  readonly dateOfExpiry?: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly optionalData1: string;
  readonly optionalData2: string;
  /** Vietnamese CCCD only: the 12-digit personal identification number from the optional data. */
  readonly personalId?: string;
  /**
   * The three MRZ fields the chip's access keys are derived from (ICAO 9303-11 §9.7.2, BAC/PACE
   * "MRZ information"): document number as printed (9 characters with fillers for short ones),
   * birth and expiry dates as `YYMMDD`, each with its check digit appended.
   */
  readonly chipKey: {
    readonly documentNumber: string;
    readonly dateOfBirth: string;
    readonly dateOfExpiry: string;
  };
}
