/**
 * Elementary files of the eMRTD application (ICAO 9303 Part 10 §3.6, table 36–38): file
 * identifier, short EF identifier and the tag the file's content starts with.
 */
export interface LdsFile {
  readonly name: string;
  readonly fid: number;
  readonly sfi: number;
  readonly tag: number;
  /** Data group number for DG files (hash key in EF.SOD), undefined otherwise. */
  readonly dataGroup?: number;
}

/** Application identifier of the LDS1 eMRTD application (Part 10 §3.6.1). */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export const EF_CARD_ACCESS: LdsFile = { name: 'EF.CardAccess', fid: 0x011c, sfi: 0x1c, tag: 0x31 };
export const EF_COM: LdsFile = { name: 'EF.COM', fid: 0x011e, sfi: 0x1e, tag: 0x60 };
export const EF_SOD: LdsFile = { name: 'EF.SOD', fid: 0x011d, sfi: 0x1d, tag: 0x77 };

/** DG n: FID 01nn, SFI n, tags from Part 10 table 37 (DG13 0x6D, DG14 0x6E, DG15 0x6F). */
const DG_TAGS: Record<number, number> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

export function dataGroupFile(n: number): LdsFile {
  const tag = DG_TAGS[n];
  if (tag === undefined) throw new RangeError(`there is no data group ${n}`);
  return { name: `DG${n}`, fid: 0x0100 + n, sfi: n, tag, dataGroup: n };
}

export function dataGroupForTag(tag: number): number | undefined {
  const found = Object.entries(DG_TAGS).find(([, t]) => t === tag);
  return found ? Number(found[0]) : undefined;
}
