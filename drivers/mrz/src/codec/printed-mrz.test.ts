import { describe, expect, it } from 'vitest';
import { ICAO_TD1_FIELDS } from './testing/icao-specimens';
import fc from 'fast-check';
import { mrzCheckDigit } from './check-digit';
import { formatCccdTd1, formatMrz } from './format-mrz';
import { mrzFieldsArbitrary, personalIdArbitrary, TODAY } from './mrz-arbitraries';
import { isMrzError } from './mrz-error';
import { parseMrz } from './parse-mrz';
import { readPrintedMrz } from './printed-mrz';

describe('readPrintedMrz', () => {
  it('reads the ICAO 9303-4 TD3 specimen run together, as DG1 holds it', () => {
    expect(
      readPrintedMrz(
        'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10',
      ),
    ).toMatchObject({
      format: 'TD3',
      documentCode: 'P',
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      dateOfBirth: '740812',
      dateOfExpiry: '120415',
      optionalData: 'ZE184226B',
      checkDigitsValid: true,
    });
  });

  it('agrees with parseMrz on every valid MRZ, with or without line breaks (property)', () => {
    fc.assert(
      fc.property(mrzFieldsArbitrary(), fc.boolean(), (fields, runTogether) => {
        const lines = formatMrz(fields);
        const printed = readPrintedMrz(runTogether ? lines.join('') : lines.join('\n'));
        const parsed = parseMrz(lines, { today: TODAY });
        expect(printed.lines).toEqual(parsed.lines);
        expect(printed).toMatchObject({
          format: parsed.format,
          documentNumber: parsed.documentNumber,
          surname: parsed.surname,
          givenNames: parsed.givenNames,
          sex: parsed.sex,
          checkDigitsValid: true,
        });
        // States are kept as printed, fillers included (`D<<`).
        expect(printed.nationality.replace(/<+$/, '')).toBe(parsed.nationality);
        expect(printed.dateOfBirth).toBe(parsed.chipKey.dateOfBirth.slice(0, 6));
      }),
    );
  });

  it('reports a wrong check digit instead of throwing, and reads the CCCD personal ID', () => {
    fc.assert(
      fc.property(personalIdArbitrary, (personalId) => {
        const lines = formatCccdTd1({
          personalId,
          fullName: 'NGUYEN VAN AN',
          dateOfBirth: '1990-01-02',
          sex: 'M',
          dateOfExpiry: '2030-01-02',
        });
        expect(readPrintedMrz(lines).personalId).toBe(personalId);
        const line2 = lines[1] ?? '';
        const wrong = String((Number(line2.charAt(6)) + 1) % 10);
        const broken = [
          lines[0] ?? '',
          `${line2.slice(0, 6)}${wrong}${line2.slice(7)}`,
          lines[2] ?? '',
        ];
        expect(readPrintedMrz(broken).checkDigitsValid).toBe(false);
      }),
    );
  });

  it('throws nothing but a typed MrzError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Z0-9<\n]{0,100}$/)), (text) => {
        try {
          readPrintedMrz(text);
        } catch (error) {
          expect(isMrzError(error, 'MRZ_LENGTH') || isMrzError(error, 'MRZ_FORMAT')).toBe(true);
        }
      }),
    );
  });
});

describe('readPrintedMrz, field by field', () => {
  it('gives TD1 optional data from both lines, fillers inside kept, padding dropped', () => {
    const lines = formatMrz({
      ...ICAO_TD1_FIELDS,
      optionalData1: 'AB<CD',
      optionalData2: 'EF',
    });
    expect(readPrintedMrz(lines).optionalData).toBe('AB<CD<<<<<<<<<<EF');
  });

  it('reads a CCCD personal ID only where the optional data holds twelve digits', () => {
    const cccd = formatCccdTd1({
      personalId: '001090012345',
      fullName: 'Nguyễn Thị Đào',
      dateOfBirth: '1990-03-07',
      sex: 'F',
      dateOfExpiry: '2030-03-07',
    });
    expect(readPrintedMrz(cccd)).toMatchObject({
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '090012345',
      optionalData: '001090012345<<1',
      personalId: '001090012345',
    });
    // An IDVNM card of another kind: its optional data is not a personal ID.
    const other = [`IDVNM090012345${mrzCheckDigit('090012345')}<<<<<<<<<<<<<<<`, ...cccd.slice(1)];
    expect(readPrintedMrz(other).personalId).toBeUndefined();
    const letters = [`${(cccd[0] ?? '').slice(0, 15)}ABCDEFGHIJKL<<1`, ...cccd.slice(1)];
    expect(readPrintedMrz(letters).personalId).toBeUndefined();
  });

  it('keeps a TD1 without check digits readable, as the chip may hold it', () => {
    const td1 = [
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<5',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ];
    expect(readPrintedMrz(td1)).toMatchObject({
      format: 'TD1',
      documentCode: 'I',
      documentNumber: 'D23145890',
      dateOfBirth: '740812',
      dateOfExpiry: '120415',
      nationality: 'UTO',
      sex: 'F',
      checkDigitsValid: false,
    });
  });
});
