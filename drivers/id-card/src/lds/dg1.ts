import { parse } from 'mrz';
import { IdCardError } from '../errors';
import { readTlv, requireTlv } from '../tlv/ber-tlv';
import { toAscii } from '../util/bytes';

/** The machine readable zone as DG1 holds it (ICAO 9303 Part 10 §4.7.1, tag 5F1F). */
export interface MrzData {
  readonly format: 'TD1' | 'TD3';
  readonly lines: readonly string[];
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly optionalData: string;
  /** YYMMDD as printed. */
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F' | 'X';
  /** YYMMDD as printed (`<<<<<<` when the document does not expire). */
  readonly dateOfExpiry: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  /** CCCD: the 12-digit personal ID, found in the TD1 optional data. */
  readonly personalId?: string;
  readonly checkDigitsValid: boolean;
}

function bad(message: string, cause?: unknown): IdCardError {
  return new IdCardError('LDS_MALFORMED', `DG1: ${message}`, { cause });
}

/** Splits and checks the raw MRZ text; TD1 is 3×30 characters, TD3 2×44. */
export function parseMrzText(text: string): MrzData {
  const clean = text.replace(/[\r\n ]/g, '');
  if (!/^[A-Z0-9<]+$/.test(clean)) throw bad('MRZ has characters outside A-Z 0-9 <');
  let lines: string[];
  let format: 'TD1' | 'TD3';
  if (clean.length === 90) {
    lines = [clean.slice(0, 30), clean.slice(30, 60), clean.slice(60, 90)];
    format = 'TD1';
  } else if (clean.length === 88) {
    lines = [clean.slice(0, 44), clean.slice(44, 88)];
    format = 'TD3';
  } else {
    throw bad(`MRZ of ${clean.length} characters is neither TD1 (90) nor TD3 (88)`);
  }
  const l0 = lines[0] ?? '';
  const l1 = lines[1] ?? '';
  const l2 = lines[2] ?? '';
  // Positions from ICAO 9303 Part 5 §4.2.2 (TD1) and Part 4 §4.2.2 (TD3).
  const f =
    format === 'TD1'
      ? {
          documentCode: l0.slice(0, 2),
          issuingState: l0.slice(2, 5),
          documentNumber: l0.slice(5, 14),
          optionalData: l0.slice(15, 30) + l1.slice(18, 29),
          dateOfBirth: l1.slice(0, 6),
          sex: l1.slice(7, 8),
          dateOfExpiry: l1.slice(8, 14),
          nationality: l1.slice(15, 18),
          name: l2,
        }
      : {
          documentCode: l0.slice(0, 2),
          issuingState: l0.slice(2, 5),
          documentNumber: l1.slice(0, 9),
          optionalData: l1.slice(28, 42),
          dateOfBirth: l1.slice(13, 19),
          sex: l1.slice(20, 21),
          dateOfExpiry: l1.slice(21, 27),
          nationality: l1.slice(10, 13),
          name: l0.slice(5, 44),
        };
  const [surname = '', given = ''] = f.name.split('<<');
  let checkDigitsValid = false;
  try {
    checkDigitsValid = parse(lines).valid;
  } catch {
    checkDigitsValid = false;
  }
  const idMatch = /^(\d{12})/.exec(f.optionalData.replace(/^</, ''));
  const trim = (s: string): string => s.replace(/<+$/g, '').replace(/</g, ' ').trim();
  return {
    format,
    lines,
    documentCode: trim(f.documentCode),
    issuingState: f.issuingState,
    documentNumber: f.documentNumber.replace(/<+$/, ''),
    optionalData: f.optionalData.replace(/<+$/, ''),
    dateOfBirth: f.dateOfBirth,
    sex: f.sex === 'M' || f.sex === 'F' ? f.sex : 'X',
    dateOfExpiry: f.dateOfExpiry,
    nationality: f.nationality,
    surname: trim(surname),
    givenNames: trim(given),
    personalId: idMatch?.[1],
    checkDigitsValid,
  };
}

/** DG1 = 61 { 5F1F MRZ } (Part 10 §4.7.1). */
export function parseDg1(bytes: Uint8Array): MrzData {
  let mrz: Uint8Array;
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x61) throw bad(`starts with tag ${outer.tag.toString(16)}, not 61`);
    mrz = requireTlv(outer.value, 0x5f1f, 'MRZ').value;
  } catch (e) {
    if (e instanceof IdCardError && e.code === 'LDS_MALFORMED') throw e;
    throw bad('not BER-TLV', e);
  }
  return parseMrzText(toAscii(mrz));
}
