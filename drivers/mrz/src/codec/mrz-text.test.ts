import { describe, expect, it } from 'vitest';
import { MrzError } from './mrz-error';
import { assertMrzAlphabet, splitMrzText } from './mrz-text';

function alphabetFailure(lines: readonly string[]): MrzError {
  try {
    assertMrzAlphabet(lines);
  } catch (error) {
    if (error instanceof MrzError) return error;
    throw error;
  }
  throw new Error('expected an MrzError');
}

describe('splitMrzText', () => {
  it('splits at LF, CRLF, CR and a typed \\n, trims each line and drops blank ones', () => {
    expect(splitMrzText('  P<UTO  \r\n\r\n  L898 \rABC\n\n')).toEqual(['P<UTO', 'L898', 'ABC']);
    expect(splitMrzText('P<UTO\\nL898')).toEqual(['P<UTO', 'L898']);
  });

  it('does the same for lines given one by one', () => {
    expect(splitMrzText(['  I<UTO ', '', '   ', '\t7408122F\t', 'ERIKSSON'])).toEqual([
      'I<UTO',
      '7408122F',
      'ERIKSSON',
    ]);
  });

  it('forgives nothing else: case and characters are kept as they came', () => {
    expect(splitMrzText('p<uto«')).toEqual(['p<uto«']);
  });
});

describe('assertMrzAlphabet (ICAO 9303-3 §4.3: A–Z, 0–9 and <)', () => {
  it('accepts the whole alphabet', () => {
    expect(() =>
      assertMrzAlphabet(['ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789<<<', '']),
    ).not.toThrow();
  });

  it('names the first lower-case letter by line and column, counted from 1', () => {
    const error = alphabetFailure(['ABC', 'ABCDx', 'y']);
    expect(error.code).toBe('MRZ_FORMAT');
    expect(error.message).toBe(
      'line 2, column 5: a lower-case letter is not allowed in an MRZ (only A-Z, 0-9 and <)',
    );
    expect(error.detail).toEqual({ line: 1, column: 4 });
  });

  it('names any other character by its code point, upper-case hex, four digits at least', () => {
    const cases: Array<[string, string]> = [
      [' ', 'U+0020'],
      ['\u00AB', 'U+00AB'],
      ['\u0410', 'U+0410'],
      ['\uFF21', 'U+FF21'],
      ['.', 'U+002E'],
    ];
    for (const [char, name] of cases) {
      const error = alphabetFailure([`AB${char}C`]);
      expect(error.message).toBe(
        `line 1, column 3: ${name} is not allowed in an MRZ (only A-Z, 0-9 and <)`,
      );
      expect(error.detail).toEqual({ line: 0, column: 2 });
    }
  });
});
