/**
 * The OCR-B confusions and what a position's class makes of them: a class that admits only one
 * reading settles it; an alphanumeric position keeps both readings of a pair the 7-3-1 check digit
 * tells apart (0/O, 1/I, 2/Z, 5/S, 8/B) and refuses the pairs it cannot (G/6, K/<).
 */
import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from './check-digit';
import { candidatesFor, isCheckInvisible, trailingFillerPositions } from './ocr-confusions';

/** What OCR engines print for the chevron `<`. */
const CHEVRON_LOOKALIKES = ['K', 'L', 'C', '«', '‹', '(', '[', '{'];

describe('candidatesFor: a digit position', () => {
  it('keeps a digit and reads each look-alike letter as its digit', () => {
    for (const d of '0123456789') expect(candidatesFor(d, 'digit')).toEqual([d]);
    const lookalikes: Record<string, string> = {
      O: '0',
      Q: '0',
      D: '0',
      U: '0',
      I: '1',
      L: '1',
      T: '1',
      J: '1',
      Z: '2',
      S: '5',
      B: '8',
      G: '6',
      A: '4',
    };
    for (const [letter, digit] of Object.entries(lookalikes))
      expect(candidatesFor(letter, 'digit'), letter).toEqual([digit]);
  });

  it('has no reading for a filler, another letter or a stray mark', () => {
    for (const c of ['<', 'X', 'M', 'K', '?', '«', ''])
      expect(candidatesFor(c, 'digit'), c).toEqual([]);
  });
});

describe('candidatesFor: a digit-or-filler position (expiry, document number check)', () => {
  it('keeps digits and fillers, and reads chevron look-alikes as the filler', () => {
    for (const c of '0123456789<') expect(candidatesFor(c, 'digitOrFiller')).toEqual([c]);
    for (const c of CHEVRON_LOOKALIKES) expect(candidatesFor(c, 'digitOrFiller'), c).toEqual(['<']);
  });

  it('reads the other look-alike letters as digits, and refuses the rest', () => {
    expect(candidatesFor('O', 'digitOrFiller')).toEqual(['0']);
    expect(candidatesFor('S', 'digitOrFiller')).toEqual(['5']);
    expect(candidatesFor('B', 'digitOrFiller')).toEqual(['8']);
    expect(candidatesFor('X', 'digitOrFiller')).toEqual([]);
    expect(candidatesFor('?', 'digitOrFiller')).toEqual([]);
  });
});

describe('candidatesFor: letter positions (codes, states, names, sex)', () => {
  const lookalikes: Record<string, string> = {
    '0': 'O',
    '1': 'I',
    '2': 'Z',
    '5': 'S',
    '8': 'B',
    '6': 'G',
    '4': 'A',
    '7': 'T',
  };

  it('a letter-only position keeps letters, reads look-alike digits, refuses fillers', () => {
    for (const c of 'AKLMZ') expect(candidatesFor(c, 'alpha')).toEqual([c]);
    for (const [digit, letter] of Object.entries(lookalikes))
      expect(candidatesFor(digit, 'alpha'), digit).toEqual([letter]);
    for (const c of ['<', '3', '9', '«']) expect(candidatesFor(c, 'alpha'), c).toEqual([]);
  });

  it('a letter-or-filler position also keeps the filler and reads chevron marks as it', () => {
    for (const charClass of ['alphaOrFiller', 'sex'] as const) {
      for (const c of 'AKLCMFX<') expect(candidatesFor(c, charClass), c).toEqual([c]);
      for (const c of ['«', '‹', '(', '[', '{'])
        expect(candidatesFor(c, charClass), c).toEqual(['<']);
      for (const [digit, letter] of Object.entries(lookalikes))
        expect(candidatesFor(digit, charClass), digit).toEqual([letter]);
      for (const c of ['3', '9', '?']) expect(candidatesFor(c, charClass), c).toEqual([]);
    }
  });
});

describe('candidatesFor: a filler position (the CCCD fillers)', () => {
  it('reads the filler and its look-alikes as the filler, anything else not at all', () => {
    expect(candidatesFor('<', 'filler')).toEqual(['<']);
    for (const c of CHEVRON_LOOKALIKES) expect(candidatesFor(c, 'filler'), c).toEqual(['<']);
    for (const c of ['A', 'M', '0', '1', '?']) expect(candidatesFor(c, 'filler'), c).toEqual([]);
  });
});

describe('candidatesFor: an alphanumeric position (document numbers, optional data)', () => {
  it('offers both readings of each pair the check digit tells apart, as read first', () => {
    const pairs = [
      ['0', 'O'],
      ['1', 'I'],
      ['2', 'Z'],
      ['5', 'S'],
      ['8', 'B'],
    ];
    for (const [a = '', b = ''] of pairs) {
      expect(candidatesFor(a, 'alnum')).toEqual([a, b]);
      expect(candidatesFor(b, 'alnum')).toEqual([b, a]);
      // The pair differs in value by an amount no weight of 7, 3 or 1 hides modulo 10.
      for (const weightPosition of ['', 'X', 'XX'])
        expect(mrzCheckDigit(`${weightPosition}${a}`)).not.toBe(
          mrzCheckDigit(`${weightPosition}${b}`),
        );
    }
  });

  it('keeps other letters, digits and the filler as they are, and reads chevron marks as <', () => {
    for (const c of ['A', 'K', 'X', '3', '7', '<'])
      expect(candidatesFor(c, 'alnum'), c).toEqual([c]);
    for (const c of ['«', '‹', '(', '[', '{']) expect(candidatesFor(c, 'alnum'), c).toEqual(['<']);
    for (const c of ['?', '.', ' ', 'a']) expect(candidatesFor(c, 'alnum'), c).toEqual([]);
  });
});

describe('isCheckInvisible: pairs no check digit can tell apart', () => {
  it('G and 6 differ by 10, so neither can be confirmed in an alphanumeric position', () => {
    expect(mrzCheckDigit('G')).toBe(mrzCheckDigit('6'));
    expect(isCheckInvisible('G', 'alnum', 'ABC')).toBe(true);
    expect(isCheckInvisible('6', 'alnum', '')).toBe(true);
  });

  it('a K among trailing fillers may be a misread <, as both are worth 0 modulo 10', () => {
    expect(mrzCheckDigit('K')).toBe(mrzCheckDigit('<'));
    expect(isCheckInvisible('K', 'alnum', '')).toBe(true);
    expect(isCheckInvisible('K', 'alnum', '<<<<')).toBe(true);
    expect(isCheckInvisible('K', 'alnum', '<K<')).toBe(true);
    // Followed by data, the K is a letter of it.
    expect(isCheckInvisible('K', 'alnum', 'A<<')).toBe(false);
    expect(isCheckInvisible('K', 'alnum', '<<A')).toBe(false);
    expect(isCheckInvisible('K', 'alnum', '12')).toBe(false);
  });

  it('other characters, and positions whose class settles the reading, are never refused', () => {
    for (const c of ['0', 'O', '1', 'I', 'A', '<'])
      expect(isCheckInvisible(c, 'alnum', '')).toBe(false);
    for (const charClass of ['digit', 'digitOrFiller', 'alphaOrFiller', 'filler'] as const) {
      expect(isCheckInvisible('G', charClass, '')).toBe(false);
      expect(isCheckInvisible('6', charClass, '')).toBe(false);
      expect(isCheckInvisible('K', charClass, '<<')).toBe(false);
    }
  });
});

describe('trailingFillerPositions (ICAO 9303-3 §4.6.3: only fillers after the name)', () => {
  it('finds the chevron look-alikes after the << that ends the secondary identifier', () => {
    expect(trailingFillerPositions('ERIKSSON<<ANNA<<<<KK<L')).toEqual([18, 19, 21]);
    expect(trailingFillerPositions('NGUYEN<<AN<<C«‹([{')).toEqual([12, 13, 14, 15, 16, 17]);
  });

  it('changes nothing when a real letter follows, or when the name has not ended', () => {
    expect(trailingFillerPositions('ERIKSSON<<ANNA<<MARIAK')).toEqual([]);
    expect(trailingFillerPositions('ERIKSSON<<ANNA<MARIAKLC')).toEqual([]);
    expect(trailingFillerPositions('ERIKSSONKKK')).toEqual([]);
    expect(trailingFillerPositions('ERIKSSON<<<<<<')).toEqual([]);
  });

  it('also cleans the trailing fillers of a name with no primary identifier', () => {
    expect(trailingFillerPositions('<<ANNA<<KC')).toEqual([8, 9]);
  });
});
