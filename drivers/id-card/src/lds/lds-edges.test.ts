/**
 * Edges of the DG1 and DG13 parsers, with bytes encoded here by hand (X.690) and the ICAO 9303
 * specimens (Part 4 TD3, Part 5 TD1), so no encoder of ours decides what the parser must read
 * (the synthetic CCCD's DG1 only gives a document whose check digits are known to be right).
 */
import { describe, expect, it } from 'vitest';
import { parseDg1, parseMrzText } from './dg1';
import { cccdDate, parseDg13 } from './dg13';
import { buildDg1 } from '@kiosk/test-fixtures/card';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { idCardFailure } from '../testing/id-card-failure';

function der(tag: number, value: Uint8Array | readonly number[]): Uint8Array {
  const bytes = Uint8Array.from(value);
  const n = bytes.length;
  const length = n < 0x80 ? [n] : [0x82, n >> 8, n & 0xff];
  const tagBytes = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  return Uint8Array.from([...tagBytes, ...length, ...bytes]);
}
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const record = (n: readonly number[], ...values: Uint8Array[]) =>
  der(0x30, join(der(0x02, n), ...values));
const dg13 = (...records: Uint8Array[]) => der(0x6d, join(...records));

describe('DG13 string types and structure', () => {
  it('reads UTF8, Printable, IA5, T61, Visible, OCTET and BMP strings', () => {
    const parsed = parseDg13(
      dg13(
        record([1], der(0x13, utf8('001203009999'))),
        record([2], der(0x1e, utf16be('Nguyễn Văn Mẫu'))),
        record([5], der(0x16, utf8('Viet Nam'))),
        record([6], der(0x14, utf8('Kinh'))),
        record([7], der(0x1a, utf8('Khong'))),
        record([8], der(0x04, utf8('Xã Mẫu'))),
        record([9], der(0x0c, utf8('Thôn Giả'.normalize('NFD')))),
      ),
    );
    expect(parsed).toMatchObject({
      personalId: '001203009999',
      fullName: 'Nguyễn Văn Mẫu',
      nationality: 'Viet Nam',
      ethnicity: 'Kinh',
      religion: 'Khong',
      placeOfOrigin: 'Xã Mẫu',
      placeOfResidence: 'Thôn Giả',
    });
  });

  it('finds records inside an outer SEQUENCE and skips what is not a SEQUENCE', () => {
    const parsed = parseDg13(
      dg13(der(0x04, [1, 2]), der(0x30, join(record([1], der(0x0c, utf8('079203001234')))))),
    );
    expect(parsed.personalId).toBe('079203001234');
    expect(parsed.records).toEqual([{ number: 1, values: ['079203001234'] }]);
  });

  it('reads two-byte record numbers, and treats longer or empty INTEGERs as no record', () => {
    const parsed = parseDg13(
      dg13(
        record([0x01, 0x00], der(0x0c, utf8('a'))),
        record([0x00, 0x02], der(0x0c, utf8('b'))),
        record([0x01, 0x00, 0x00], der(0x0c, utf8('c'))),
        record([], der(0x0c, utf8('d'))),
      ),
    );
    expect(parsed.records.map((r) => r.number)).toEqual([256, 2]);
    expect(parsed.fullName).toBe('b');
  });

  it('refuses nesting deeper than 8 SEQUENCEs, with that reason', () => {
    let inner = record([1], der(0x0c, utf8('x')));
    for (let i = 0; i < 9; i++) inner = der(0x30, inner);
    const error = idCardFailure(() => parseDg13(dg13(inner)));
    expect(error.code).toBe('LDS_MALFORMED');
    expect(error.message).toBe('DG13 nests too deep');
    let shallow = record([1], der(0x0c, utf8('x')));
    for (let i = 0; i < 8; i++) shallow = der(0x30, shallow);
    expect(parseDg13(dg13(shallow)).personalId).toBe('x');
  });

  it('refuses a file that is not DG13 (tag 6D), keeping the reason', () => {
    const error = idCardFailure(() => parseDg13(der(0x61, record([1]))));
    expect(error.code).toBe('LDS_MALFORMED');
    expect(error.message).toBe('DG13 is not the CCCD record structure');
    expect(error.cause).toEqual(new Error('tag 61'));
  });

  it('skips values that are neither strings nor constructed', () => {
    const parsed = parseDg13(dg13(record([1], der(0x02, [7]), der(0x0c, utf8('079203001234')))));
    expect(parsed.records).toEqual([{ number: 1, values: ['079203001234'] }]);
  });

  it('reads empty values as absent, and the parents in order', () => {
    const parsed = parseDg13(
      dg13(
        record([2], der(0x0c, [])),
        record([13], der(0x30, join(der(0x0c, utf8('Cha')), der(0x0c, utf8('Mẹ'))))),
        record([14], der(0x0c, utf8('Vợ'))),
        record([15], der(0x0c, utf8('123456789'))),
        record([16], der(0x0c, utf8('CARD'))),
      ),
    );
    expect(parsed.fullName).toBeUndefined();
    expect(parsed).toMatchObject({
      fatherName: 'Cha',
      motherName: 'Mẹ',
      spouseName: 'Vợ',
      oldIdNumber: '123456789',
      cardIdentifier: 'CARD',
    });
  });
});

describe('DG13 sex, dates and expiry', () => {
  it.each([
    ['Nam', 'M'],
    [' NAM ', 'M'],
    ['m', 'M'],
    ['Nữ', 'F'],
    ['nu', 'F'],
    ['F', 'F'],
    ['khác', undefined],
  ])('reads sex %j as %s', (text, sex) => {
    expect(parseDg13(dg13(record([4], der(0x0c, utf8(text))))).sex).toBe(sex);
  });

  it('turns dd/mm/yyyy into ISO and keeps other text trimmed', () => {
    expect(cccdDate(' 01/02/2003 ')).toBe('2003-02-01');
    expect(cccdDate('1/2/2003')).toBe('1/2/2003');
    expect(cccdDate(' 2003 ')).toBe('2003');
    expect(cccdDate('x01/02/2003')).toBe('x01/02/2003');
    expect(cccdDate('01/02/2003x')).toBe('01/02/2003x');
    expect(cccdDate(undefined)).toBeUndefined();
  });

  it('reads an expiry without digits as "does not expire", and a date as a date', () => {
    const never = parseDg13(dg13(record([12], der(0x0c, utf8('Không thời hạn')))));
    expect(never.dateOfExpiry).toBeNull();
    const dated = parseDg13(
      dg13(
        record([11], der(0x0c, utf8('20/06/2022'))),
        record([12], der(0x0c, utf8('01/12/2028'))),
      ),
    );
    expect([dated.dateOfIssue, dated.dateOfExpiry]).toEqual(['2022-06-20', '2028-12-01']);
    expect(parseDg13(dg13()).dateOfExpiry).toBeUndefined();
  });
});

/** ICAO 9303 Part 5 TD1 specimen and Part 4 TD3 specimen. */
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD3 = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];

describe('DG1 MRZ fields', () => {
  it('reads every field of the TD1 specimen, across line breaks and spaces', () => {
    // The specimen's state UTO is fictional, so only the field positions are compared here.
    expect(parseMrzText(`${TD1[0]}\r\n${TD1[1]}\n ${TD1[2]}`)).toMatchObject({
      format: 'TD1',
      lines: TD1,
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      optionalData: '',
      dateOfBirth: '740812',
      sex: 'F',
      dateOfExpiry: '120415',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });

  it('reads every field of the TD3 specimen', () => {
    expect(parseMrzText(TD3.join(''))).toMatchObject({
      format: 'TD3',
      lines: TD3,
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      optionalData: 'ZE184226B',
      dateOfBirth: '740812',
      sex: 'F',
      dateOfExpiry: '120415',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });

  it('reads the CCCD personal ID after the filler of the optional data', () => {
    const line1 = 'IDVNM2030012341001203001234<<1';
    const parsed = parseMrzText(`${line1}${TD1[1]}${TD1[2]}`);
    expect(parsed.personalId).toBe('001203001234');
    expect(parsed.documentCode).toBe('ID');
    const shifted = parseMrzText(`IDVNM203001234<<<001203001234<${TD1[1]}${TD1[2]}`);
    expect(shifted.personalId).toBeUndefined();
  });

  it('reads an unknown sex as X and reports broken check digits', () => {
    const line2 = `${TD1[1]?.slice(0, 7)}<${TD1[1]?.slice(8)}`;
    const parsed = parseMrzText(`${TD1[0]}${line2}${TD1[2]}`);
    expect(parsed.sex).toBe('X');
    const cccd = parseDg1(buildDg1(syntheticCitizen(3)));
    expect(cccd.checkDigitsValid).toBe(true);
    const [first = '', ...rest] = cccd.lines;
    const broken = `${first.slice(0, 14)}${(Number(first[14]) + 1) % 10}${first.slice(15)}`;
    expect(parseMrzText([broken, ...rest].join('')).checkDigitsValid).toBe(false);
    const male = parseMrzText(`${TD1[0]}${TD1[1]?.replace('2F12', '2M12')}${TD1[2]}`);
    expect(male.sex).toBe('M');
  });

  it('refuses characters outside the MRZ alphabet and wrong lengths', () => {
    for (const text of [TD1.join('').toLowerCase(), `${TD1.join('')}#`, TD1.join('').slice(1)]) {
      const error = idCardFailure(() => parseMrzText(text));
      expect(error.code).toBe('LDS_MALFORMED');
      expect(error.message).toMatch(/^DG1: /);
    }
  });
});

describe('DG1 file', () => {
  const mrz = utf8(TD1.join(''));

  it('reads 61 { 5F1F MRZ }', () => {
    expect(parseDg1(der(0x61, der(0x5f1f, mrz))).documentNumber).toBe('D23145890');
  });

  it('refuses another outer tag, a missing MRZ and bytes that are not TLV', () => {
    expect(idCardFailure(() => parseDg1(der(0x60, der(0x5f1f, mrz)))).message).toBe(
      'DG1: starts with tag 60, not 61',
    );
    const noMrz = idCardFailure(() => parseDg1(der(0x61, der(0x5f1e, mrz))));
    expect([noMrz.code, noMrz.message]).toEqual(['LDS_MALFORMED', 'DG1: not BER-TLV']);
    expect(noMrz.cause).toMatchObject({ message: 'malformed BER-TLV: MRZ (tag 5f1f) is missing' });
    const notTlv = idCardFailure(() => parseDg1(Uint8Array.of(0x61, 0x85)));
    expect(notTlv.code).toBe('LDS_MALFORMED');
    expect(notTlv.message).toBe('DG1: not BER-TLV');
    expect(notTlv.cause).toBeInstanceOf(Error);
  });
});
