/**
 * How the LDS file reader meets cards that refuse what it asks first: short EF identifiers
 * (6A86, 6B00, 6D00 or 6F00: it selects by file identifier from then on, ICAO 9303-10 §3.6.2) and
 * extended length (6700, 6Cxx or 6F00: it reads in 223-byte blocks from then on, ISO 7816-4
 * §5.1). Any other refusal is the card's answer and ends the read.
 */
import { describe, expect, it } from 'vitest';
import { IdCardError } from '../errors';
import { FileSystemCard, type CardFile } from '../testing/file-system-card';
import { LdsFileReader } from './file-reader';
import { dataGroupFile, type LdsFile } from './lds-files';
import { idCardRejection } from '../testing/id-card-failure';

const DG1 = dataGroupFile(1);
const DG2 = dataGroupFile(2);

/** `tag`, a two-byte long-form length and `valueLength` bytes 0, 1, 2, ... */
function ldsBytes(tag: number, valueLength: number): Uint8Array {
  const bytes = new Uint8Array(4 + valueLength).map((_, i) => (i - 4) % 256);
  bytes.set([tag, 0x82, valueLength >> 8, valueLength & 0xff]);
  return bytes;
}
const dg1 = ldsBytes(0x61, 96);
const dg2 = ldsBytes(0x75, 496);
const files: CardFile[] = [
  { fid: DG1.fid, sfi: DG1.sfi, bytes: dg1 },
  { fid: DG2.fid, sfi: DG2.sfi, bytes: dg2 },
];
const select = (file: LdsFile) => ({
  cla: 0,
  ins: 0xa4,
  p1: 0x02,
  p2: 0x0c,
  data: Uint8Array.of(file.fid >> 8, file.fid & 0xff),
});
const readAt = (offset: number, ne: number) => ({
  cla: 0,
  ins: 0xb0,
  p1: offset >> 8,
  p2: offset & 0xff,
  ne,
});
const readBySfi = (file: LdsFile, ne: number) => ({
  cla: 0,
  ins: 0xb0,
  p1: 0x80 | file.sfi,
  p2: 0,
  ne,
});

describe('a card that refuses short EF identifiers', () => {
  it.each([0x6a86, 0x6b00, 0x6d00, 0x6f00])(
    'answering %s is read by SELECT from then on',
    async (sw) => {
      const card = new FileSystemCard(files, { refuseShortFileIdsWith: sw });
      const reader = new LdsFileReader(card, { maxReadSize: 223 });
      expect(await reader.readFile(DG1)).toEqual(dg1);
      expect(await reader.readFile(DG2)).toEqual(dg2);
      expect(card.commands).toEqual([
        readBySfi(DG1, 223),
        select(DG1),
        readAt(0, 223),
        select(DG2),
        readAt(0, 223),
        readAt(223, 223),
        readAt(446, 500 - 446),
      ]);
    },
  );

  it('answering 6F00 to an extended read is first asked again in short blocks', async () => {
    const card = new FileSystemCard(files, { refuseShortFileIdsWith: 0x6f00 });
    const reader = new LdsFileReader(card);
    expect(await reader.readFile(DG1)).toEqual(dg1);
    expect(card.commands).toEqual([
      readBySfi(DG1, 65_000),
      readBySfi(DG1, 223),
      select(DG1),
      readAt(0, 223),
    ]);
  });

  it.each([
    [0x6982, 'CHIP_ACCESS_DENIED', 'READ BINARY DG1: security status not satisfied (SW 6982)'],
    [0x6a82, 'FILE_NOT_FOUND', 'READ BINARY DG1: file not found (SW 6A82)'],
  ])('answering %s ends the read with that answer', async (sw, code, message) => {
    const card = new FileSystemCard(files, { refuseShortFileIdsWith: sw });
    const error = await idCardRejection(new LdsFileReader(card).readFile(DG1));
    expect([error.code, error.message, error.sw]).toEqual([code, message, sw]);
    expect(card.commands).toHaveLength(1);
  });

  it('does not take a broken link for a refusal', async () => {
    const link = new Error('link down');
    const card = new FileSystemCard(files, {
      answer: () => {
        throw link;
      },
    });
    await expect(new LdsFileReader(card).readFile(DG1)).rejects.toBe(link);
    expect(card.commands).toHaveLength(1);
  });

  it('names the file a failed SELECT was for', async () => {
    const card = new FileSystemCard(files, { refuseShortFileIdsWith: 0x6d00 });
    const error = await idCardRejection(new LdsFileReader(card).readFile(dataGroupFile(3)));
    expect([error.code, error.message]).toEqual([
      'FILE_NOT_FOUND',
      'SELECT DG3: file not found (SW 6A82)',
    ]);
  });
});

describe('a card that refuses extended length', () => {
  it.each([0x6700, 0x6c00, 0x6cdf, 0x6f00])(
    'answering %s is read in 223-byte blocks from then on',
    async (sw) => {
      const card = new FileSystemCard(files, { refuseExtendedLengthWith: sw });
      const reader = new LdsFileReader(card);
      expect(await reader.readFile(DG1)).toEqual(dg1);
      expect(reader.blockSize).toBe(223);
      expect(await reader.readFile(DG2)).toEqual(dg2);
      expect(card.commands).toEqual([
        readBySfi(DG1, 65_000),
        readBySfi(DG1, 223),
        readBySfi(DG2, 223),
        readAt(223, 223),
        readAt(446, 54),
      ]);
    },
  );

  it('is read in short blocks after SELECT too', async () => {
    const card = new FileSystemCard(files, { refuseExtendedLengthWith: 0x6700 });
    const reader = new LdsFileReader(card, { useShortFileIds: false });
    expect(await reader.readFile(DG1)).toEqual(dg1);
    expect(card.commands).toEqual([select(DG1), readAt(0, 65_000), readAt(0, 223)]);
  });

  it('is not asked again when the blocks are short already (224 bytes are not)', async () => {
    const short = new FileSystemCard(files, {
      answer: () => ({ data: new Uint8Array(0), sw: 0x6700 }),
    });
    const error = await idCardRejection(
      new LdsFileReader(short, { maxReadSize: 223 }).readFile(DG1),
    );
    expect([error.code, error.sw]).toEqual(['APDU_STATUS', 0x6700]);
    expect(short.commands).toHaveLength(1);
    const longer = new FileSystemCard(files, { refuseExtendedLengthWith: 0x6700 });
    const reader = new LdsFileReader(longer, { maxReadSize: 257 });
    expect(await reader.readFile(DG1)).toEqual(dg1);
    expect(longer.commands.map((c) => c.ne)).toEqual([257, 223]);
  });

  it('does not retry other refusals, nor errors without a status word', async () => {
    const denied = new FileSystemCard(files, { refuseExtendedLengthWith: 0x6982 });
    expect((await idCardRejection(new LdsFileReader(denied).readFile(DG1))).code).toBe(
      'CHIP_ACCESS_DENIED',
    );
    expect(denied.commands).toHaveLength(1);
    const macError = new IdCardError('SM_MAC_INVALID', 'response MAC does not verify');
    const broken = new FileSystemCard(files, {
      answer: () => {
        throw macError;
      },
    });
    await expect(new LdsFileReader(broken).readFile(DG1)).rejects.toBe(macError);
    expect(broken.commands).toHaveLength(1);
  });
});
