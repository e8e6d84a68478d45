import { describe, expect, it } from 'vitest';
import { alignOcrToCells, type CellExpectation } from './align-ocr';
import { cleanOcrLine, fitLength, mrzLinesFromOcrText } from './ocr-lines';

const cells = (pattern: string): boolean[] => [...pattern].map((c) => c === '<');

describe('putting OCR text on MRZ cells', () => {
  it('absorbs chevrons misread as K, L or KL into the filler cells', () => {
    const truth = 'HOANG<<MINH<QUAN<<<<<<<<<<<<<<';
    expect(alignOcrToCells('HOANGK<MINH<QUAN<KLLLLLLLKLLLLKLLKLKL', cells(truth))).toBe(truth);
  });

  it('keeps digits in digit cells when tesseract doubles a round glyph', () => {
    const truth = 'IDVNM0971412639040097141263<<1';
    const expect_: CellExpectation[] = [...truth].map((_, i) => (i < 5 ? 'letter' : 'digit'));
    expect(alignOcrToCells('IDVNMO0971412639040097141263<1', cells(truth), expect_)).toBe(truth);
  });

  it('marks a letter cell with nothing read as unknown rather than guessing', () => {
    expect(alignOcrToCells('AB', cells('AAA'))).toContain('?');
  });

  it('cleans and fits raw lines for the baseline', () => {
    expect(cleanOcrLine('ID vnm« 12')).toBe('IDVNM<12');
    expect(fitLength('AB<<<C', 8)).toBe('AB<<<<<C');
    expect(fitLength('AB<<<<<C', 6)).toBe('AB<<<C');
    expect(
      mrzLinesFromOcrText(
        'noise\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n',
      ),
    ).toHaveLength(2);
  });
});
