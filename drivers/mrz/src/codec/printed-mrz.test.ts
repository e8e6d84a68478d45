import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
