/**
 * The elementary files of the eMRTD application as ICAO 9303-10 §3.6 lists them (tables 36–38):
 * file identifier 01nn and short EF identifier nn for DG nn, and the tag of table 37 each file
 * starts with.
 */
import { describe, expect, it } from 'vitest';
import {
  dataGroupFile,
  dataGroupForTag,
  EF_CARD_ACCESS,
  EF_COM,
  EF_SOD,
  EMRTD_AID,
} from './lds-files';

const TABLE_37 = [
  0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70,
];

describe('the LDS files', () => {
  it.each(TABLE_37.map((tag, i) => [i + 1, tag]))(
    'DG%i is FID 01nn, SFI nn and starts with tag %s',
    (n, tag) => {
      expect(dataGroupFile(n)).toEqual({
        name: `DG${n}`,
        fid: 0x0100 + n,
        sfi: n,
        tag,
        dataGroup: n,
      });
      expect(dataGroupForTag(tag)).toBe(n);
    },
  );

  it('has no data group 0 or 17, and no data group starts with the tags of EF.COM or EF.SOD', () => {
    expect(() => dataGroupFile(0)).toThrow(new RangeError('there is no data group 0'));
    expect(() => dataGroupFile(17)).toThrow(new RangeError('there is no data group 17'));
    expect(dataGroupForTag(0x60)).toBeUndefined();
    expect(dataGroupForTag(0x77)).toBeUndefined();
  });

  it('names EF.COM, EF.SOD and EF.CardAccess by their identifiers and tags', () => {
    expect(EF_COM).toEqual({ name: 'EF.COM', fid: 0x011e, sfi: 0x1e, tag: 0x60 });
    expect(EF_SOD).toEqual({ name: 'EF.SOD', fid: 0x011d, sfi: 0x1d, tag: 0x77 });
    expect(EF_CARD_ACCESS).toEqual({ name: 'EF.CardAccess', fid: 0x011c, sfi: 0x1c, tag: 0x31 });
    expect(Buffer.from(EMRTD_AID).toString('hex')).toBe('a0000002471001');
  });
});
