import { mrzCheckDigit } from './check-digit';
import { LAYOUTS, type FieldName, type MrzFormat } from './layouts';
import { isoToMrzDate } from './mrz-date';
import type { MrzSex } from './mrz-document';
import { mrzNameField, splitVietnameseName } from './mrz-name';
import { cccdDocumentNumber, cccdOptionalData } from './vietnam-cccd';

/** What a generator needs; dates are ISO, text may carry Vietnamese diacritics. */
export interface MrzFields {
  readonly format: MrzFormat;
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly dateOfBirth: string;
  readonly sex: MrzSex;
  /** Undefined writes fillers (no expiry). */
  readonly dateOfExpiry?: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly optionalData1?: string;
  readonly optionalData2?: string;
}

const fit = (value: string, length: number): string => {
  if (value.length > length) throw new RangeError(`${value} is longer than ${length} characters`);
  return value.padEnd(length, '<');
};

/**
 * Formats the MRZ lines for the given fields (the inverse of `parseMrz`). Document numbers longer
 * than 9 characters are only supported on TD1 (continued in the optional data, 9303-5 note j).
 */
export function formatMrz(fields: MrzFields): string[] {
  const layout = LAYOUTS[fields.format];
  const lines = Array.from({ length: layout.lineCount }, () =>
    Array.from<string>({ length: layout.lineLength }).fill('<'),
  );
  const put = (name: FieldName, value: string): void => {
    const field = layout.fields.find((f) => f.name === name);
    if (!field) return;
    const text = fit(value, field.end - field.start);
    const row = lines[field.line];
    if (row) for (let i = 0; i < text.length; i++) row[field.start + i] = text.charAt(i);
  };
  let optional1 = fields.optionalData1 ?? '';
  let number = fields.documentNumber;
  let numberCheck = mrzCheckDigit(number);
  if (number.length > 9) {
    if (fields.format !== 'TD1') throw new RangeError('long document numbers need TD1');
    optional1 = `${number.slice(9)}${mrzCheckDigit(number)}<${optional1}`;
    number = number.slice(0, 9);
    numberCheck = '<';
  }
  const birth = isoToMrzDate(fields.dateOfBirth);
  const expiry = fields.dateOfExpiry ? isoToMrzDate(fields.dateOfExpiry) : '<<<<<<';
  put('documentCode', fields.documentCode);
  put('issuingState', fields.issuingState);
  put('documentNumber', number);
  put('documentNumberCheck', numberCheck);
  put('optionalData1', optional1);
  put('dateOfBirth', birth);
  put('dateOfBirthCheck', mrzCheckDigit(birth));
  put('sex', fields.sex === 'X' ? '<' : fields.sex);
  put('dateOfExpiry', expiry);
  put('dateOfExpiryCheck', fields.dateOfExpiry ? mrzCheckDigit(expiry) : '<');
  put('nationality', fields.nationality);
  if (fields.format === 'TD3') {
    const personal = fit(optional1, 14);
    put('optionalData2', /^<+$/.test(personal) ? '<' : mrzCheckDigit(personal));
  } else {
    put('optionalData2', fields.optionalData2 ?? '');
  }
  const nameField = layout.fields.find((f) => f.name === 'name');
  put(
    'name',
    mrzNameField(
      fields.surname,
      fields.givenNames,
      nameField ? nameField.end - nameField.start : 0,
    ),
  );
  const text = lines.map((row) => row.join(''));
  const composite = layout.checks.find((c) => c.check === 'compositeCheck');
  if (composite) {
    const covered = composite.covers
      .map((s) => (text[s.line] ?? '').slice(s.start, s.end))
      .join('');
    put('compositeCheck', mrzCheckDigit(covered));
  }
  return lines.map((row) => row.join(''));
}

/** The facts printed in a CCCD MRZ; a `CitizenRecord` satisfies it. */
export interface CccdHolder {
  /** The 12-digit personal identification number. */
  readonly personalId: string;
  /** Vietnamese order, with diacritics: `Nguyễn Văn An`. */
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly sex: MrzSex;
  readonly dateOfExpiry?: string;
}

/** The TD1 MRZ of a Vietnamese CCCD for the given holder (layout: see vietnam-cccd.ts). */
export function formatCccdTd1(holder: CccdHolder): string[] {
  if (!/^[0-9]{12}$/.test(holder.personalId)) {
    throw new RangeError('a CCCD personal ID has exactly 12 digits');
  }
  return formatMrz({
    format: 'TD1',
    documentCode: 'ID',
    issuingState: 'VNM',
    documentNumber: cccdDocumentNumber(holder.personalId),
    nationality: 'VNM',
    dateOfBirth: holder.dateOfBirth,
    sex: holder.sex,
    dateOfExpiry: holder.dateOfExpiry,
    ...splitVietnameseName(holder.fullName),
    optionalData1: cccdOptionalData(holder.personalId),
  });
}
