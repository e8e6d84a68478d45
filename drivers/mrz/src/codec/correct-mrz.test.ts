import { describe, expect, it } from 'vitest';
import { ICAO_TD1_FIELDS, mrzErrorOf, written } from './testing/icao-specimens';
import fc from 'fast-check';
import { correctMrz } from './correct-mrz';
import { formatCccdTd1, formatMrz } from './format-mrz';
import { mrzFieldsArbitrary, personalIdArbitrary, TODAY } from './mrz-arbitraries';
import { MrzError } from './mrz-error';

const today = TODAY;
const holder = {
  personalId: '079185006231',
  fullName: 'Lê Văn Cường',
  dateOfBirth: '1985-10-02',
  sex: 'M' as const,
  dateOfExpiry: '2045-10-02',
};

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof MrzError) return error.code;
    throw error;
  }
};

/** ICAO 9303-4's specimen passport with another document number. */
const specimenTd3 = (documentNumber: string) =>
  formatMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber,
    nationality: 'UTO',
    dateOfBirth: '1974-08-12',
    sex: 'F',
    dateOfExpiry: '2032-04-15',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
  });

/** The smallest TD2 card (no expiry), as fast-check shrank its counterexamples to. */
const minimalTd2 = (documentNumber: string) =>
  formatMrz({
    format: 'TD2',
    documentCode: 'I',
    issuingState: 'VNM',
    documentNumber,
    nationality: 'VNM',
    dateOfBirth: '1970-01-01',
    sex: 'M',
    surname: 'A',
    givenNames: '',
    optionalData1: '',
    optionalData2: '',
  });

/** The confusions an OCR engine makes, applied where the character allows it. */
const DIGIT_TO_LOOKALIKE: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
};
const LETTER_TO_LOOKALIKE: Record<string, string> = {
  O: '0',
  I: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};

/** Names carry no check digit, so confusions are only applied to the protected lines. */
function confuse(lines: readonly string[], picks: readonly number[]): string[] {
  const protectedLines = lines.length === 3 ? lines.slice(0, 2) : lines.slice(1);
  const text = [...protectedLines.join('\n')];
  for (const p of picks) {
    const i = p % text.length;
    const c = text[i] ?? '';
    text[i] = DIGIT_TO_LOOKALIKE[c] ?? LETTER_TO_LOOKALIKE[c] ?? (c === '<' ? 'K' : c);
  }
  const confused = text.join('').split('\n');
  return lines.length === 3 ? [...confused, lines[2] ?? ''] : [lines[0] ?? '', ...confused];
}

describe('correctMrz', { timeout: 60_000 }, () => {
  it('leaves a clean MRZ alone', () => {
    const result = correctMrz(formatCccdTd1(holder), { today });
    expect(result.corrections).toEqual([]);
    expect(result.document.personalId).toBe('079185006231');
  });

  it('fixes letters in digit positions and chevrons read as K, and says where', () => {
    const lines = formatCccdTd1(holder);
    const ocr = [
      (lines[0] ?? '').replace('079185006231<<', 'O791B5OO6Z31KL'),
      lines[1] ?? '',
      (lines[2] ?? '').replace(/<<<<$/, 'KKCK'),
    ];
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.lines).toEqual(lines);
    expect(corrections).toContainEqual({ line: 0, column: 15, from: 'O', to: '0' });
    expect(corrections).toContainEqual({ line: 0, column: 27, from: 'K', to: '<' });
    expect(corrections).toContainEqual({ line: 2, column: 26, from: 'K', to: '<' });
    expect(corrections).toHaveLength(11);
  });

  it('settles an alphanumeric document number by its check digit', () => {
    const lines = specimenTd3('L898902C3');
    // With one O for 0 the specimen's number is refused: with more corrections among its 8s and
    // 2 another reading passes the same check digit, so the one-change reading is only a guess.
    const specimen = [lines[0] ?? '', (lines[1] ?? '').replace('L898902C3', 'L8989O2C3')];
    expect(codeOf(() => correctMrz(specimen, { today }))).toBe('MRZ_AMBIGUOUS');
    // A number whose only look-alike is that O is settled, and the change is reported.
    const other = specimenTd3('L793470C4');
    const ocr = [other[0] ?? '', (other[1] ?? '').replace('L793470C4', 'L79347OC4')];
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.documentNumber).toBe('L793470C4');
    expect(corrections).toEqual([{ line: 1, column: 6, from: 'O', to: '0' }]);
  });

  it('refuses when more than one reading passes every check digit', () => {
    // Truth: AB1280S5O. Read with 8 for B, two one-character readings pass every check digit.
    const ocr = [
      'P<FRAMARTIN<<ALICE<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'A81280S5O7FRA8001014F3001019B5O2I1<<<<<<<<58',
    ];
    expect(codeOf(() => correctMrz(ocr, { today }))).toBe('MRZ_AMBIGUOUS');
  });

  it('refuses characters no check digit can confirm (G/6) in alphanumeric fields', () => {
    const ocr = [
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ];
    expect(codeOf(() => correctMrz(ocr, { today }))).toBe('MRZ_AMBIGUOUS');
  });

  it('never accepts a wrong CCCD reading: it recovers it exactly or refuses (property)', () => {
    fc.assert(
      fc.property(
        personalIdArbitrary,
        fc.array(fc.nat(), { maxLength: 8 }),
        (personalId, picks) => {
          const lines = formatCccdTd1({ ...holder, personalId });
          const ocr = confuse(lines, picks);
          try {
            const { document } = correctMrz(ocr, { today });
            expect(document.lines).toEqual(lines);
          } catch (error) {
            expect(error).toBeInstanceOf(MrzError);
          }
        },
      ),
    );
  });

  it('recovers every CCCD whose confusions are in digit positions (property)', () => {
    fc.assert(
      fc.property(
        personalIdArbitrary,
        fc.array(fc.nat(), { maxLength: 6 }),
        (personalId, picks) => {
          const lines = formatCccdTd1({ ...holder, personalId });
          // Line 1 positions 5–26 and line 2 positions 0–17 hold only digits (and the sex letter).
          const digitPositions = [...Array(22).keys()].map((i) => 5 + i);
          const ocr = [...lines];
          let l0 = [...(ocr[0] ?? '')];
          for (const p of picks) {
            const i = digitPositions[p % digitPositions.length] ?? 5;
            l0[i] = DIGIT_TO_LOOKALIKE[l0[i] ?? ''] ?? l0[i] ?? '';
          }
          ocr[0] = l0.join('');
          l0 = [];
          expect(correctMrz(ocr, { today }).document.lines).toEqual(lines);
        },
      ),
    );
  });

  it('never corrects a character away from what was printed, for any layout (property)', () => {
    // Not "the document always equals the truth": in an alphanumeric field a misread can keep
    // its check digit (TD2 "85A" read "BSA": 8→B and 5→S change the weighted sum by 21 + 69),
    // so no reader can see it. What the corrector owes is that every change it makes restores
    // the printed character, and that a field it leaves wrong is one it did not touch.
    fc.assert(
      fc.property(mrzFieldsArbitrary(), fc.array(fc.nat(), { maxLength: 4 }), (fields, picks) => {
        const lines = formatMrz(fields);
        const read = confuse(lines, picks);
        try {
          const { document, corrections } = correctMrz(read, { today });
          for (const c of corrections) expect(c.to).toBe(lines[c.line]?.[c.column]);
          const changed = new Set(corrections.map((c) => `${c.line}:${c.column}`));
          document.lines.forEach((line, l) => {
            for (let col = 0; col < line.length; col++) {
              if (line[col] !== lines[l]?.[col]) {
                expect(changed.has(`${l}:${col}`)).toBe(false);
                expect(line[col]).toBe(read[l]?.[col]);
              }
            }
          });
        } catch (error) {
          expect(error).toBeInstanceOf(MrzError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a one-change guess when a reading with more changes passes too (found by fast-check)', () => {
    const lines = minimalTd2('80100');
    // "B010O" fails its check digit; "B0I0O" (one change) and "80100" (two) both pass it.
    const read = [lines[0] ?? '', (lines[1] ?? '').replace(/^80100/, 'B010O')];
    expect(codeOf(() => correctMrz(read, { today }))).toBe('MRZ_AMBIGUOUS');
  });

  it('leaves an 8→B, 5→S misread that keeps its check digit as read (undetectable)', () => {
    const lines = minimalTd2('85A');
    const read = [lines[0] ?? '', (lines[1] ?? '').replace(/^85A/, 'BSA')];
    const { document, corrections } = correctMrz(read, { today });
    expect(corrections).toEqual([]);
    expect(document.documentNumber).toBe('BSA');
  });

  it('garbage of the right shape is refused with an MrzError, never a crash (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z0-9<?KL ]{30}$/), { minLength: 3, maxLength: 3 }),
        (lines) => {
          try {
            correctMrz(lines, { today });
          } catch (error) {
            expect(error).toBeInstanceOf(MrzError);
          }
        },
      ),
    );
  });
});

function refusal(ocr: readonly string[]): MrzError {
  return mrzErrorOf(() => correctMrz(ocr, { today }));
}

describe('correctMrz: what it leaves to the parser', () => {
  it('does not correct an MRZ of the wrong shape: an extra character is MRZ_LENGTH', () => {
    const td1 = formatMrz({
      ...ICAO_TD1_FIELDS,
    });
    const ocr = [td1[0] ?? '', `${td1[1] ?? ''}6`, td1[2] ?? ''];
    expect(refusal(ocr).code).toBe('MRZ_LENGTH');
  });

  it('leaves a character it cannot read for the parser to name', () => {
    const ocr = written(specimenTd3('L898902C3'), 1, 15, '?');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_FORMAT');
    expect(error.message).toBe(
      'line 2, column 16: U+003F is not allowed in an MRZ (only A-Z, 0-9 and <)',
    );
  });

  it('refuses with the failing check digit when no reading passes', () => {
    const ocr = written(specimenTd3('L898902C3'), 1, 19, '3');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_CHECK_DIGIT');
    expect(error.detail).toEqual({ field: 'dateOfBirthCheck' });
  });
});

describe('correctMrz: a check digit read as no digit at all', () => {
  const lines = specimenTd3('L898902C3');

  it('computes the composite when it is unreadable and the only check that fails', () => {
    expect(lines[1]?.charAt(43)).toBe('4');
    const { document, corrections } = correctMrz(written(lines, 1, 43, 'X'), { today });
    expect(document.lines).toEqual(lines);
    expect(corrections).toEqual([{ line: 1, column: 43, from: 'X', to: '4' }]);
  });

  it('never overwrites a check digit that was read as a digit', () => {
    const error = refusal(written(lines, 1, 43, '3'));
    expect(error.code).toBe('MRZ_CHECK_DIGIT');
    expect(error.detail).toEqual({ field: 'compositeCheck' });
    expect(error.message).toBe('check digit of composite is 3, computed 4');
  });

  it('does not guess a check digit the composite also covers: two checks fail', () => {
    const error = refusal(written(lines, 1, 9, 'X'));
    expect(error.code).toBe('MRZ_FORMAT');
    expect(error.detail).toEqual({ line: 1, column: 9, field: 'documentNumberCheck' });
  });

  it('reads a check digit printed as its look-alike letter, and it confirms a correction', () => {
    // Personal number F7A037HDF: its 0 read as O; the composite 8 read as B.
    const truth = formatMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'M7Y4LYLVP',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2032-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      optionalData1: 'F7A037HDF',
    });
    const ocr = written(written(truth, 1, 31, 'O'), 1, 43, 'B');
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.lines).toEqual(truth);
    expect(corrections).toEqual([
      { line: 1, column: 31, from: 'O', to: '0' },
      { line: 1, column: 43, from: 'B', to: '8' },
    ]);
  });
});

describe('correctMrz: K, the look-alike of < that no check digit sees', () => {
  it('refuses a K at the end of a document number, naming where it is', () => {
    const ocr = written(specimenTd3('AC734797'), 1, 8, 'K');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_AMBIGUOUS');
    expect(error.message).toBe('line 2, column 9: K cannot be confirmed by any check digit');
    expect(error.detail).toEqual({ line: 1, column: 8, field: 'documentNumber' });
  });

  it('refuses a K opening an empty personal number', () => {
    const ocr = written(specimenTd3('L898902C3'), 1, 28, 'K');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_AMBIGUOUS');
    expect(error.message).toBe('line 2, column 29: K cannot be confirmed by any check digit');
    expect(error.detail).toEqual({ line: 1, column: 28, field: 'optionalData1' });
  });

  it('keeps a K followed by data: there it is a letter of the number', () => {
    const lines = specimenTd3('AK734797');
    const { document, corrections } = correctMrz(lines, { today });
    expect(corrections).toEqual([]);
    expect(document.documentNumber).toBe('AK734797');
  });

  it('sets K, L and C after the end of a passport name back to fillers', () => {
    const lines = specimenTd3('L898902C3');
    const ocr = written(lines, 0, 39, 'KLC<K');
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.lines).toEqual(lines);
    expect(document.givenNames).toBe('ANNA MARIA');
    expect(corrections).toEqual([
      { line: 0, column: 39, from: 'K', to: '<' },
      { line: 0, column: 40, from: 'L', to: '<' },
      { line: 0, column: 41, from: 'C', to: '<' },
      { line: 0, column: 43, from: 'K', to: '<' },
    ]);
  });
});

describe('correctMrz: the profile is known before the characters are judged', () => {
  it('recognises a CCCD whose I was read as 1, and reads its fillers as fillers', () => {
    const lines = formatCccdTd1(holder);
    const ocr = written(written(lines, 0, 0, '1'), 1, 20, 'K');
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.lines).toEqual(lines);
    expect(corrections).toEqual([
      { line: 0, column: 0, from: '1', to: 'I' },
      { line: 1, column: 20, from: 'K', to: '<' },
    ]);
  });

  it('holds another TD1 card to ICAO checks only, whatever its optional data ends with', () => {
    const truth = formatMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingState: 'FRA',
      documentNumber: 'TH4L03DRP',
      nationality: 'FRA',
      dateOfBirth: '1990-03-07',
      sex: 'F',
      dateOfExpiry: '2031-03-07',
      surname: 'MARTIN',
      givenNames: 'ALICE',
      optionalData1: 'NFFNVJJWECERMCA',
    });
    const { document, corrections } = correctMrz(written(truth, 0, 9, 'O'), { today });
    expect(document.documentNumber).toBe('TH4L03DRP');
    expect(corrections).toEqual([{ line: 0, column: 9, from: 'O', to: '0' }]);
  });

  it('leaves a clean passport with a long name alone', () => {
    const lines = formatMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2032-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA ELISABETH',
    });
    const { document, corrections } = correctMrz(lines, { today });
    expect(corrections).toEqual([]);
    expect(document.givenNames).toBe('ANNA MARIA ELISABETH');
  });
});

describe('correctMrz: how far from what was seen a reading may go', () => {
  it('a reading as seen that passes stands, though readings two changes away pass too', () => {
    // L898902C3 has four alternatives (8, 8, 0, 2); two readings with two changes also pass.
    const { document, corrections } = correctMrz(specimenTd3('L898902C3'), { today });
    expect(corrections).toEqual([]);
    expect(document.documentNumber).toBe('L898902C3');
  });

  it('settles one change among several alternatives when no other reading passes', () => {
    // 2R2P4A0C2 read with O for 0: four alternatives, and only the true reading passes.
    const ocr = written(specimenTd3('2R2P4A0C2'), 1, 6, 'O');
    const { document, corrections } = correctMrz(ocr, { today });
    expect(document.documentNumber).toBe('2R2P4A0C2');
    expect(corrections).toEqual([{ line: 1, column: 6, from: 'O', to: '0' }]);
  });

  it('refuses a one-change reading when a reading four changes away passes too', () => {
    // 9T2X500N3 read with O for its first 0: one change passes, and so do four.
    const ocr = written(specimenTd3('9T2X500N3'), 1, 5, 'O');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_AMBIGUOUS');
    expect(error.message).toBe('more than one reading of the MRZ passes every check digit');
  });

  it('does not look five changes away: such a reading is refused, not guessed', () => {
    // DSN8CX500 read as D5NBCXSOO: only the five-change reading passes the check digits.
    const ocr = written(specimenTd3('DSN8CX500'), 1, 0, 'D5NBCXSOO');
    const error = refusal(ocr);
    expect(error.code).toBe('MRZ_CHECK_DIGIT');
    expect(error.detail).toEqual({ field: 'documentNumberCheck' });
  });
});
