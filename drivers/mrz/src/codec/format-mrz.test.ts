import { describe, expect, it } from 'vitest';
import { ICAO_TD1_FIELDS } from './testing/icao-specimens';
import { mrzCheckDigit } from './check-digit';
import { formatCccdTd1, formatMrz, type MrzFields } from './format-mrz';
import { parseMrz } from './parse-mrz';

const today = new Date(Date.UTC(2026, 10, 28));

/** ICAO 9303-5 Appendix A: the specimen card's fields. */
const card: MrzFields = ICAO_TD1_FIELDS;

describe('formatMrz', () => {
  it('refuses a value longer than its field instead of spilling into the next one', () => {
    expect(() => formatMrz({ ...card, issuingState: 'UTOP' })).toThrow(
      new RangeError('UTOP is longer than 3 characters'),
    );
    expect(() => formatMrz({ ...card, documentCode: 'IDX' })).toThrow(RangeError);
    // TD2 has seven positions of optional data.
    expect(() => formatMrz({ ...card, format: 'TD2', optionalData1: 'ABCDEFGH' })).toThrow(
      new RangeError('ABCDEFGH is longer than 7 characters'),
    );
    expect(() => formatMrz({ ...card, optionalData2: 'ABCDEFGHIJKL' })).toThrow(RangeError);
  });

  it('writes the TD1 optional data of both lines', () => {
    const lines = formatMrz({ ...card, optionalData1: 'X12', optionalData2: 'Y34' });
    expect(lines[0]?.slice(15)).toBe('X12<<<<<<<<<<<<');
    expect(lines[1]?.slice(18, 29)).toBe('Y34<<<<<<<<');
    expect(parseMrz(lines, { today })).toMatchObject({
      optionalData1: 'X12',
      optionalData2: 'Y34',
    });
  });

  it('writes fillers for an unspecified sex and a missing expiry, and < as its check digit', () => {
    const lines = formatMrz({ ...card, sex: 'X', dateOfExpiry: undefined });
    expect(lines[1]?.slice(7, 15)).toBe('<<<<<<<<');
    expect(parseMrz(lines, { today })).toMatchObject({ sex: 'X', dateOfExpiry: undefined });
  });

  it('writes the TD3 personal number check digit, < when there is no personal number', () => {
    const passport = { ...card, format: 'TD3' as const, documentCode: 'P' };
    expect(formatMrz(passport)[1]?.slice(28, 43)).toBe('<<<<<<<<<<<<<<<');
    expect(formatMrz({ ...passport, optionalData1: 'ZE184226B' })[1]?.slice(28, 43)).toBe(
      `ZE184226B<<<<<${mrzCheckDigit('ZE184226B<<<<<')}`,
    );
  });

  it('continues a long document number only on TD1', () => {
    expect(formatMrz({ ...card, documentNumber: 'D23145890734' })[0]).toBe(
      'I<UTOD23145890<7349<<<<<<<<<<<',
    );
    for (const format of ['TD2', 'TD3'] as const) {
      expect(() =>
        formatMrz({ ...card, format, documentCode: 'P', documentNumber: 'D23145890734' }),
      ).toThrow(new RangeError('long document numbers need TD1'));
    }
  });
});

describe('formatCccdTd1', () => {
  const holder = {
    fullName: 'Nguyễn Thị Đào',
    dateOfBirth: '1990-03-07',
    sex: 'F' as const,
    dateOfExpiry: '2030-03-07',
  };

  it('needs a personal ID of exactly twelve digits', () => {
    for (const personalId of ['00109001234', '0010900123456', '00109001234A', ' 01090012345']) {
      expect(() => formatCccdTd1({ ...holder, personalId }), personalId).toThrow(
        new RangeError('a CCCD personal ID has exactly 12 digits'),
      );
    }
    expect(formatCccdTd1({ ...holder, personalId: '001090012345' })[0]).toBe(
      'IDVNM0900123450001090012345<<1',
    );
  });
});
