import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as mrzPackageParse } from 'mrz';
import { formatCccdTd1, formatMrz } from './format-mrz';
import { mrzFieldsArbitrary, personalIdArbitrary, TODAY } from './mrz-arbitraries';
import { isMrzError, MrzError } from './mrz-error';
import { parseMrz } from './parse-mrz';
import { mrzCheckDigit } from './check-digit';
import { toMrzName } from './mrz-name';

const today = TODAY;

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof MrzError) return error.code;
    throw error;
  }
};

describe('parseMrz on the ICAO 9303 specimens', () => {
  it('TD1 (9303-5)', () => {
    const doc = parseMrz(
      'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<',
      { today },
    );
    expect(doc).toMatchObject({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2012-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      chipKey: { documentNumber: 'D231458907', dateOfBirth: '7408122', dateOfExpiry: '1204159' },
    });
  });

  it('TD2 (9303-6)', () => {
    const doc = parseMrz(
      ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
      { today },
    );
    expect(doc).toMatchObject({
      format: 'TD2',
      documentNumber: 'D23145890',
      givenNames: 'ANNA MARIA',
    });
  });

  it('TD3 (9303-4), with the command-line form of line breaks', () => {
    const doc = parseMrz(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
      { today },
    );
    expect(doc).toMatchObject({
      format: 'TD3',
      documentNumber: 'L898902C3',
      optionalData1: 'ZE184226B',
      nationality: 'UTO',
    });
  });
});

describe('Vietnamese CCCD TD1', { timeout: 60_000 }, () => {
  const holder = {
    personalId: '001090012345',
    fullName: 'Nguyễn Thị Đào',
    dateOfBirth: '1990-03-07',
    sex: 'F' as const,
    dateOfExpiry: '2030-03-07',
  };

  it('formats the layout of issued cards', () => {
    const lines = formatCccdTd1(holder);
    expect(lines[0]).toBe(
      `IDVNM090012345${mrzCheckDigit('090012345')}001090012345<<${mrzCheckDigit('001090012345')}`,
    );
    expect(lines[0]?.slice(5, 14)).toBe('090012345');
    expect(lines[1]).toMatch(/^900307[0-9]F300307[0-9]VNM<{11}[0-9]$/);
    expect(lines[2]).toBe('NGUYEN<<THI<DAO<<<<<<<<<<<<<<<');
  });

  it('parses the 12-digit personal ID from the optional data', () => {
    const doc = parseMrz(formatCccdTd1(holder), { today });
    expect(doc.personalId).toBe('001090012345');
    expect(doc.documentNumber).toBe('090012345');
    expect(doc.chipKey.documentNumber).toBe(`090012345${mrzCheckDigit('090012345')}`);
  });

  it('refuses a card whose document number is not the tail of the personal ID', () => {
    const lines = formatCccdTd1(holder);
    const number = '090012346';
    const line1 = `IDVNM${number}${mrzCheckDigit(number)}${lines[0]?.slice(15)}`;
    const composite = mrzCheckDigit(
      `${line1.slice(5)}${lines[1]?.slice(0, 7)}${lines[1]?.slice(8, 15)}${lines[1]?.slice(18, 29)}`,
    );
    const line2 = `${lines[1]?.slice(0, 29)}${composite}`;
    expect(codeOf(() => parseMrz([line1, line2, lines[2] ?? ''], { today }))).toBe(
      'MRZ_CCCD_MISMATCH',
    );
  });

  it('round-trips any synthetic holder (property)', () => {
    fc.assert(
      fc.property(
        personalIdArbitrary,
        fc.date({ min: new Date('1930-01-01'), max: new Date('2012-12-31'), noInvalidDate: true }),
        (id, birth) => {
          const dateOfBirth = birth.toISOString().slice(0, 10);
          const lines = formatCccdTd1({ ...holder, personalId: id, dateOfBirth });
          const doc = parseMrz(lines, { today });
          expect(doc.personalId).toBe(id);
          expect(doc.dateOfBirth).toBe(dateOfBirth);
          expect(mrzPackageParse(lines).valid).toBe(true);
        },
      ),
    );
  });
});

describe('round trip generate → format → parse (property)', { timeout: 60_000 }, () => {
  it('gives back every field, and the mrz package agrees the MRZ is valid', () => {
    fc.assert(
      fc.property(mrzFieldsArbitrary(), (fields) => {
        const lines = formatMrz(fields);
        const doc = parseMrz(lines, { today });
        expect(doc.format).toBe(fields.format);
        expect(doc.documentNumber).toBe(fields.documentNumber);
        expect(doc.dateOfBirth).toBe(fields.dateOfBirth);
        expect(doc.dateOfExpiry).toBe(fields.dateOfExpiry);
        expect(doc.sex).toBe(fields.sex);
        expect(doc.issuingState).toBe(fields.issuingState.replace(/<+$/, ''));
        const nameLength = fields.format === 'TD1' ? 30 : fields.format === 'TD2' ? 31 : 39;
        if (
          toMrzName(fields.surname).length + toMrzName(fields.givenNames).length + 2 <=
          nameLength
        ) {
          expect(doc.surname).toBe(fields.surname);
          expect(doc.givenNames).toBe(fields.givenNames);
        }
        if (fields.dateOfExpiry) expect(mrzPackageParse(lines).valid).toBe(true);
      }),
    );
  });
});

describe('rejection (property)', { timeout: 60_000 }, () => {
  const validLines = fc.tuple(mrzFieldsArbitrary(), fc.nat()).map(([fields, n]) => ({
    lines: formatMrz(fields),
    n,
  }));

  it('a changed digit on the line of dates and check digits is caught', () => {
    fc.assert(
      fc.property(validLines, fc.integer({ min: 1, max: 9 }), ({ lines, n }, delta) => {
        // Line index 1 holds the dates and check digits in all three layouts; every digit there
        // is under a check digit (its own or the composite).
        const line = lines[1] ?? '';
        const digits = [...line].flatMap((c, i) => (/[0-9]/.test(c) ? [i] : []));
        const at = digits[n % digits.length] ?? 0;
        const copy = [...lines];
        copy[1] = `${line.slice(0, at)}${(Number(line[at]) + delta) % 10}${line.slice(at + 1)}`;
        expect(['MRZ_CHECK_DIGIT', 'MRZ_DATE']).toContain(codeOf(() => parseMrz(copy, { today })));
      }),
    );
  });

  it('lower case is reported, not silently fixed', () => {
    fc.assert(
      fc.property(validLines, ({ lines, n }) => {
        const text = lines.join('\n');
        const letters = [...text].flatMap((c, i) => (/[A-Z]/.test(c) ? [i] : []));
        const at = letters[n % letters.length] ?? 0;
        const lowered = `${text.slice(0, at)}${text.charAt(at).toLowerCase()}${text.slice(at + 1)}`;
        expect(codeOf(() => parseMrz(lowered, { today }))).toBe('MRZ_FORMAT');
      }),
    );
  });

  it('Unicode look-alikes (Cyrillic, Greek, full-width, «) are rejected', () => {
    const lookalikes: Record<string, string[]> = {
      A: ['\u0410', '\u0391', '\uFF21'],
      O: ['\u041E', '\u039F'],
      '<': ['\u00AB', '\u2039', '\uFF1C'],
      '0': ['\uFF10', '\u0660'],
    };
    fc.assert(
      fc.property(
        validLines,
        fc.constantFrom(...Object.keys(lookalikes)),
        fc.nat(),
        ({ lines }, plain, k) => {
          const text = lines.join('\n');
          const at = text.indexOf(plain);
          fc.pre(at >= 0);
          const options = lookalikes[plain] ?? [];
          const swapped = `${text.slice(0, at)}${options[k % options.length]}${text.slice(at + 1)}`;
          expect(codeOf(() => parseMrz(swapped, { today }))).toBe('MRZ_FORMAT');
        },
      ),
    );
  });

  it('wrong lengths are MRZ_LENGTH', () => {
    fc.assert(
      fc.property(validLines, fc.boolean(), ({ lines, n }, insert) => {
        const copy = [...lines];
        const i = n % copy.length;
        const l = copy[i] ?? '';
        copy[i] = insert ? `${l}<` : l.slice(0, -1);
        expect(codeOf(() => parseMrz(copy, { today }))).toBe('MRZ_LENGTH');
      }),
    );
    expect(codeOf(() => parseMrz('', { today }))).toBe('MRZ_LENGTH');
  });

  it('impossible dates with correct check digits are MRZ_DATE', () => {
    const lines = formatMrz({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'VNM',
      documentNumber: 'A1',
      nationality: 'VNM',
      dateOfBirth: '1990-02-28',
      sex: 'M',
      dateOfExpiry: '2030-01-01',
      surname: 'TRAN',
      givenNames: 'AN',
    });
    const bad = (lines[1] ?? '').replace('900228', '900230');
    const birthCheck = mrzCheckDigit('900230');
    const l2 = `${bad.slice(0, 6)}${birthCheck}${bad.slice(7, 29)}`;
    const composite = mrzCheckDigit(
      `${(lines[0] ?? '').slice(5)}${l2.slice(0, 7)}${l2.slice(8, 15)}${l2.slice(18, 29)}`,
    );
    expect(
      codeOf(() => parseMrz([lines[0] ?? '', `${l2}${composite}`, lines[2] ?? ''], { today })),
    ).toBe('MRZ_DATE');
  });

  it('garbage never crashes: it is an MrzError or a valid document', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.stringMatching(/^([A-Z0-9<]{30}\n){2}[A-Z0-9<]{30}$/),
        ),
        (text) => {
          try {
            parseMrz(text, { today });
          } catch (error) {
            expect(isMrzError(error)).toBe(true);
          }
        },
      ),
    );
  });
});

/**
 * The document code sits under no check digit, so a misread first letter (the held-out OCR set
 * produced `JD` for `ID`) would pass every check. ICAO 9303-4 §4.2.2 (passports: `P`) and 9303-5/6
 * §4.2.2 (cards: `A`, `C` or `I`, never `V` second) leave the first letter no choice; the `mrz`
 * package (cheminfo) applies the same rule.
 */
describe('document code (attack: a misread first letter)', { timeout: 60_000 }, () => {
  it('refuses a CCCD whose "ID" was read as "JD", though every check digit passes', () => {
    const lines = formatCccdTd1({
      personalId: '001090012345',
      fullName: 'Nguyễn Văn Mẫu',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      dateOfExpiry: '2030-01-01',
    });
    const misread = [`JD${lines[0]?.slice(2) ?? ''}`, ...lines.slice(1)];
    expect(codeOf(() => parseMrz(lines, { today }))).toBeUndefined();
    expect(codeOf(() => parseMrz(misread, { today }))).toBe('MRZ_FORMAT');
  });

  it('refuses any first letter the layout does not allow, and V as a card second letter', () => {
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    fc.assert(
      fc.property(mrzFieldsArbitrary(), fc.constantFrom(...letters), (fields, letter) => {
        const lines = formatMrz(fields);
        const allowed = fields.format === 'TD3' ? ['P'] : ['A', 'C', 'I'];
        const first = [`${letter}${lines[0]?.slice(1) ?? ''}`, ...lines.slice(1)];
        const code = codeOf(() => parseMrz(first, { today }));
        expect(code === undefined).toBe(allowed.includes(letter));
        if (fields.format !== 'TD3') {
          const second = [`${lines[0]?.[0] ?? ''}V${lines[0]?.slice(2) ?? ''}`, ...lines.slice(1)];
          expect(codeOf(() => parseMrz(second, { today }))).toBe('MRZ_FORMAT');
        }
      }),
    );
  });
});
