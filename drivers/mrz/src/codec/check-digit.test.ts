import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mrzCheckDigit } from './check-digit';

describe('mrzCheckDigit (ICAO 9303-3 §4.9)', () => {
  it('matches the worked examples of the specimen documents', () => {
    // ICAO 9303-5 specimen TD1 (document number D23145890, birth 740812, expiry 120415).
    expect(mrzCheckDigit('D23145890')).toBe('7');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('120415')).toBe('9');
    expect(mrzCheckDigit('L898902C3')).toBe('6');
  });

  it('treats the filler as zero', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,10}$/), (s) => {
        expect(mrzCheckDigit(`${s}<<<`)).toBe(mrzCheckDigit(s));
      }),
    );
  });

  it('detects every single-character substitution of a digit string', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{6,12}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (s, pos, delta) => {
          const i = pos % s.length;
          const changed = `${s.slice(0, i)}${(Number(s[i]) + delta) % 10}${s.slice(i + 1)}`;
          expect(mrzCheckDigit(changed)).not.toBe(mrzCheckDigit(s));
        },
      ),
    );
  });

  it('rejects characters outside the MRZ alphabet', () => {
    expect(() => mrzCheckDigit('ab')).toThrow(RangeError);
  });
});
