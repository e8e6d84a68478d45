/**
 * EF.COM (ICAO 9303-10 §4.6.1): 60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list }, the
 * tag list naming the data groups present by the tags of table 37. Bytes written here by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseEfCom } from './ef-com';
import { idCardFailure } from '../testing/id-card-failure';

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
const tlv = (tag: number, value: readonly number[]) => [
  ...(tag > 0xff ? [tag >> 8, tag & 0xff] : [tag]),
  value.length,
  ...value,
];
const efCom = (...fields: number[][]) => Uint8Array.from(tlv(0x60, fields.flat()));
const LDS_VERSION = tlv(0x5f01, ascii('0107'));
const UNICODE_VERSION = tlv(0x5f36, ascii('040000'));

/** ICAO 9303-10 table 37: the tag each data group starts with. */
const TABLE_37: [number, number][] = [
  [0x61, 1],
  [0x75, 2],
  [0x63, 3],
  [0x76, 4],
  [0x65, 5],
  [0x66, 6],
  [0x67, 7],
  [0x68, 8],
  [0x69, 9],
  [0x6a, 10],
  [0x6b, 11],
  [0x6c, 12],
  [0x6d, 13],
  [0x6e, 14],
  [0x6f, 15],
  [0x70, 16],
];

describe('EF.COM', () => {
  it('reads the LDS and Unicode versions and the data groups of the tag list', () => {
    const com = efCom(LDS_VERSION, UNICODE_VERSION, tlv(0x5c, [0x61, 0x75, 0x6d, 0x6e]));
    expect(parseEfCom(com)).toEqual({
      ldsVersion: '0107',
      unicodeVersion: '040000',
      dataGroups: [1, 2, 13, 14],
    });
  });

  it('names every data group of table 37 by its tag, in the order listed', () => {
    const tags = TABLE_37.map(([tag]) => tag).reverse();
    const com = efCom(LDS_VERSION, UNICODE_VERSION, tlv(0x5c, tags));
    expect(parseEfCom(com).dataGroups).toEqual(TABLE_37.map(([, dg]) => dg).reverse());
  });

  it('passes over tags in the list that are no data group', () => {
    const com = efCom(UNICODE_VERSION, tlv(0x5c, [0x60, 0x61, 0x77, 0x00, 0x6d]), LDS_VERSION);
    expect(parseEfCom(com).dataGroups).toEqual([1, 13]);
  });

  it.each([
    [
      'another outer tag',
      Uint8Array.from(tlv(0x61, [...LDS_VERSION, ...UNICODE_VERSION, ...tlv(0x5c, [0x61])])),
      'not 60',
    ],
    [
      'no LDS version',
      efCom(UNICODE_VERSION, tlv(0x5c, [0x61])),
      'malformed BER-TLV: LDS version (tag 5f01) is missing',
    ],
    [
      'no Unicode version',
      efCom(LDS_VERSION, tlv(0x5c, [0x61])),
      'malformed BER-TLV: Unicode version (tag 5f36) is missing',
    ],
    [
      'no tag list',
      efCom(LDS_VERSION, UNICODE_VERSION),
      'malformed BER-TLV: tag list (tag 5c) is missing',
    ],
    [
      'a cut TLV',
      efCom(LDS_VERSION, UNICODE_VERSION).slice(0, 8),
      'malformed BER-TLV: value of 16 bytes runs past the end (8)',
    ],
  ])('refuses %s as malformed, keeping the reason', (_, bytes, reason) => {
    const error = idCardFailure(() => parseEfCom(bytes));
    expect([error.code, error.message]).toEqual(['LDS_MALFORMED', 'EF.COM is malformed']);
    expect(error.cause).toMatchObject({ message: reason });
  });
});
