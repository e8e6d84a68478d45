import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMrzError } from '../codec/mrz-error';
import type { CellScores } from './glyph-classifier';
import { formatMrz } from '../codec/format-mrz';
import { mrzCheckDigit } from '../codec/check-digit';
import { readCells, type GlyphRank } from './cell-reading';
import { SHAPE_MARGIN, STRONG_SHAPE_MARGIN, type ShapeMargin } from './letter-or-digit';
import { MRZ_ALPHABET } from './ocrb-templates';

const today = new Date(Date.UTC(2026, 10, 28));
const TRUTH = [
  'IDVNM1695554281048169555428<<1',
  '6902254F2902256VNM<<<<<<<<<<<6',
  'LE<<BAO<YEN<<<<<<<<<<<<<<<<<<<',
];

/** Scores as the classifier gives them: the printed glyph first, `second` runner-up. */
function cell(best: string, second = best === 'O' ? '0' : 'O', gap = 0.3): CellScores {
  const rest = [...MRZ_ALPHABET].filter((c) => c !== best && c !== second);
  return [
    { char: best, score: 0.9 },
    { char: second, score: 0.9 - gap },
    ...rest.map((char, i) => ({ char, score: 0.3 - i * 0.001 })),
  ];
}

const scoresOf = (lines: readonly string[]): CellScores[][] =>
  lines.map((l) => [...l].map((c) => cell(c)));

describe('readCells', () => {
  it('reads clear glyphs as printed', () => {
    expect(readCells(scoresOf(TRUTH), { today }).document.lines).toEqual(TRUTH);
  });

  it('takes the digit in a digit field even when the glyph looks more like O', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[1];
    if (row) row[2] = cell('O', '0', 0.01);
    expect(readCells(scores, { today }).document.lines).toEqual(TRUTH);
  });

  it('swaps a doubtful covered cell to its runner-up when the check digits ask for it', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[0];
    if (row) row[7] = cell('8', '9', 0.02); // printed 9
    const reading = readCells(scores, { today });
    expect(reading.document.lines).toEqual(TRUTH);
    expect(reading.corrections).toEqual([{ line: 0, column: 7, from: '8', to: '9' }]);
  });

  it('settles an unclear name cell when only one letter makes a Vietnamese name', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[2];
    if (row) row[5] = cell('R', 'A', 0.01); // BRO is no syllable, BAO is
    const reading = readCells(scores, { today });
    expect(reading.document.lines).toEqual(TRUTH);
    expect(reading.corrections).toEqual([{ line: 2, column: 5, from: 'R', to: 'A' }]);
  });

  it('refuses a name cell when both letters make a name (YEN / YEM)', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[2];
    if (row) row[10] = cell('N', 'M', 0.01);
    expect(() => readCells(scores, { today })).toThrow(/more than one name/);
  });

  it('settles several unclear name cells when only one combination makes a name', () => {
    // A small blurred card: N/H, Y/T and A/R look alike in five name cells at once.
    const lines = [TRUTH[0] ?? '', TRUTH[1] ?? '', 'NGUYEN<<THANH<<<<<<<<<<<<<<<<<'];
    const scores = scoresOf(lines);
    const row = scores[2];
    if (row) {
      row[0] = cell('H', 'N', 0.01); // HGUYEN
      row[3] = cell('T', 'Y', 0.02); // NGUTEN
      row[5] = cell('H', 'N', 0.01); // NGUYEH
      row[10] = cell('R', 'A', 0.03); // THRNH
      row[12] = cell('N', 'H', 0.02); // THANN
    }
    const reading = readCells(scores, { today });
    expect(reading.document.lines).toEqual(lines);
    expect(reading.corrections).toHaveLength(5);
  });

  it('refuses a name whose doubtful cells allow two names, however many doubts', () => {
    const lines = [TRUTH[0] ?? '', TRUTH[1] ?? '', 'NGUYEN<<THANH<<<<<<<<<<<<<<<<<'];
    const scores = scoresOf(lines);
    const row = scores[2];
    if (row) {
      row[0] = cell('H', 'N', 0.01);
      row[5] = cell('H', 'N', 0.01);
      row[8] = cell('C', 'T', 0.01); // CHANH / THANH
    }
    expect(() => readCells(scores, { today })).toThrow(/more than one name/);
  });

  it('refuses an unclear sex cell: no check digit covers it', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[1];
    if (row) row[7] = cell('F', 'M', 0.01);
    expect(() => readCells(scores, { today })).toThrow(/no check digit decides/);
  });

  it('never returns another document than the printed one when covered cells change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 29 }),
        fc.constantFrom(...'0123456789'),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (column, wrong, gap) => {
          const scores = scoresOf(TRUTH);
          const row = scores[0];
          const printed = TRUTH[0]?.charAt(column) ?? '<';
          if (!row || printed === '<' || wrong === printed) return;
          row[column] = cell(wrong, printed, gap);
          try {
            expect(readCells(scores, { today }).document.lines).toEqual(TRUTH);
          } catch (error) {
            expect(isMrzError(error)).toBe(true);
          }
        },
      ),
    );
  });

  describe('letter or digit in an alphanumeric field (TD3 document number)', () => {
    // Printed 0 at columns 4 and 5 of the document number (weights 7 and 3): read as O there,
    // the check digit still passes (7·24 + 3·24 ≡ 0 mod 10), so only the shape can tell.
    const passport = formatMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'ZS0000774',
      nationality: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      dateOfExpiry: '2032-04-15',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
    const misread = (): CellScores[][] => {
      const scores = scoresOf(passport);
      const row = scores[1];
      if (row) {
        row[3] = cell('O', '0', 0.05);
        row[4] = cell('O', '0', 0.05);
      }
      return scores;
    };
    /** The glyph model's margin: the printed kind clearly, except `margin` at columns 4–5. */
    const shapeSays =
      (margin: number): ShapeMargin =>
      (line, column) => {
        if (line === 1 && (column === 3 || column === 4)) return margin;
        const printed = passport[line]?.charAt(column) ?? '<';
        return /[0-9]/.test(printed) ? -STRONG_SHAPE_MARGIN : STRONG_SHAPE_MARGIN;
      };

    it('the attack: the O readings pass the check digit', () => {
      expect(mrzCheckDigit('ZS0OO0774')).toBe(mrzCheckDigit('ZS0000774'));
    });

    it('takes the digit when the shape clearly says 0, whatever the templates preferred', () => {
      const reading = readCells(misread(), { today }, shapeSays(-STRONG_SHAPE_MARGIN));
      expect(reading.document.documentNumber).toBe('ZS0000774');
      expect(reading.document.lines).toEqual(passport);
    });

    it('refuses when the shape does not clearly say letter or digit', () => {
      expect(() => readCells(misread(), { today }, shapeSays(SHAPE_MARGIN * 0.5))).toThrow(
        /shape does not decide/,
      );
    });

    it('refuses a letter/digit look-alike when no shape was measured', () => {
      expect(() => readCells(misread(), { today })).toThrow(/shape does not decide/);
    });

    it('follows the shape, never the templates: digit, letter, or refused', () => {
      fc.assert(
        fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (margin) => {
          const read = (): string => {
            try {
              return readCells(misread(), { today }, shapeSays(margin)).document.documentNumber;
            } catch (error) {
              if (!isMrzError(error)) throw error;
              return error.code;
            }
          };
          // A clear letter shape makes ZS0OO0774, which passes its check digit (the attack).
          // Below the strong margin the templates (which say O here) must agree.
          const expected =
            margin <= -STRONG_SHAPE_MARGIN
              ? 'ZS0000774'
              : margin >= SHAPE_MARGIN
                ? 'ZS0OO0774'
                : 'MRZ_AMBIGUOUS';
          expect(read()).toBe(expected);
        }),
      );
    });
  });
});

describe('readCells where no check digit covers a wrong glyph', () => {
  /** The model's view: the printed glyph, except `says` at one cell. */
  const modelSays =
    (line: number, column: number, says: string): GlyphRank =>
    (l, c, a, b) => {
      const printed = l === line && c === column ? says : (TRUTH[l]?.charAt(c) ?? '<');
      return (a === printed ? 5 : 0) - (b === printed ? 5 : 0);
    };
  /** A CCCD whose document code's D the templates read clearly as O (another valid code). */
  const misreadCode = (): CellScores[][] => {
    const scores = scoresOf(TRUTH);
    const row = scores[0];
    if (row) row[1] = cell('O', 'B', 0.07);
    return scores;
  };

  it('the attack: IO is a valid TD1 code, so the templates alone return a wrong document', () => {
    expect(readCells(misreadCode(), { today }).document.documentCode).toBe('IO');
  });

  it('refuses when the glyph model says another glyph than the templates', () => {
    expect(() => readCells(misreadCode(), { today }, undefined, modelSays(0, 1, 'D'))).toThrow(
      /templates say O, the glyph's shape says D/,
    );
  });

  it('refuses a name letter the model reads otherwise (a name has no check digit)', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[2];
    if (row) row[0] = cell('I', 'T', 0.12); // printed L, read clearly as I
    // IE passes the syllable shape, so without the model the wrong name is returned.
    expect(readCells(scores, { today }).document.surname).toBe('IE');
    expect(() => readCells(scores, { today }, undefined, modelSays(2, 0, 'L'))).toThrow(
      /templates say I, the glyph's shape says L/,
    );
  });

  it("reads the CCCD's fixed IDVNM when the templates misread a letter the model sees as printed", () => {
    const scores = scoresOf(TRUTH);
    const row = scores[0];
    if (row) row[3] = cell('R', 'N', 0.05); // printed N, one font's templates say R
    // Without the model, VRM is read as printed state and the CCCD profile is lost.
    expect(() => readCells(scores, { today })).toThrow();
    const reading = readCells(scores, { today }, undefined, modelSays(0, 3, 'N'));
    expect(reading.document.lines).toEqual(TRUTH);
  });

  it('keeps a first line both readers see otherwise out of the CCCD profile', () => {
    const scores = scoresOf(TRUTH);
    const row = scores[0];
    if (row) row[3] = cell('R', 'N', 0.05);
    // Read as a generic TD1 (whose document number then refuses here), never as a CCCD.
    let state: string | undefined;
    try {
      state = readCells(scores, { today }, undefined, modelSays(0, 3, 'R')).document.issuingState;
    } catch (error) {
      expect(isMrzError(error)).toBe(true);
    }
    expect(state).not.toBe('VNM');
  });

  it('reads as printed when the model agrees', () => {
    const reading = readCells(scoresOf(TRUTH), { today }, undefined, modelSays(0, 0, 'I'));
    expect(reading.document.lines).toEqual(TRUTH);
  });
});
