/**
 * What the LDS file reader refuses: a file that does not start with its own tag (ICAO 9303-10
 * table 37), a length above the file's cap, a file that ends before its declared length, and a
 * card that refuses a later block. Each refusal names the file.
 */
import { describe, expect, it } from 'vitest';
import { FileSystemCard, type CardFile } from '../testing/file-system-card';
import { LdsFileReader } from './file-reader';
import { dataGroupFile, EF_SOD, type LdsFile } from './lds-files';
import { idCardRejection } from '../testing/id-card-failure';

const DG1 = dataGroupFile(1);
const DG2 = dataGroupFile(2);

/** `tag`, a two-byte long-form length `declared`, then `held` bytes of content. */
function ldsBytes(tag: number, declared: number, held = declared): Uint8Array {
  const bytes = new Uint8Array(4 + held).fill(0x5a);
  bytes.set([tag, 0x82, declared >> 8, declared & 0xff]);
  return bytes;
}
const cardWith = (file: LdsFile, bytes: Uint8Array, options = {}) =>
  new FileSystemCard([{ fid: file.fid, sfi: file.sfi, bytes } satisfies CardFile], options);

describe('files the reader refuses', () => {
  it('refuses a file that does not start with a TLV header, keeping the reason', async () => {
    const card = cardWith(DG1, Uint8Array.of(0x61, 0x85, 1, 2, 3, 4, 5));
    const error = await idCardRejection(new LdsFileReader(card).readFile(DG1));
    expect([error.code, error.message]).toEqual([
      'LDS_MALFORMED',
      'DG1 does not start with a TLV header',
    ]);
    expect(error.cause).toMatchObject({ code: 'TLV_MALFORMED' });
  });

  it('refuses a file that starts with another file’s tag', async () => {
    const card = cardWith(DG1, ldsBytes(0x75, 10));
    const error = await idCardRejection(new LdsFileReader(card).readFile(DG1));
    expect([error.code, error.message]).toEqual([
      'LDS_MALFORMED',
      'DG1 starts with tag 75, expected 61',
    ]);
  });

  it('accepts a DG1 of 1024 bytes and refuses one of 1025, before reading on', async () => {
    const full = ldsBytes(0x61, 1020);
    expect(await new LdsFileReader(cardWith(DG1, full)).readFile(DG1)).toEqual(full);
    const card = cardWith(DG1, ldsBytes(0x61, 1021), { refuseExtendedLengthWith: 0x6700 });
    const error = await idCardRejection(new LdsFileReader(card).readFile(DG1));
    expect([error.code, error.message]).toEqual([
      'LDS_FILE_TOO_LARGE',
      'DG1 declares 1025 bytes, more than the 1024 bytes accepted',
    ]);
    expect(card.commands).toHaveLength(2);
  });

  it('takes the default cap when the caller has none for the file', async () => {
    const sod = ldsBytes(0x77, 40_000);
    const reader = new LdsFileReader(cardWith(EF_SOD, sod), { maxFileSize: () => undefined });
    const error = await idCardRejection(reader.readFile(EF_SOD));
    expect(error.message).toBe('EF.SOD declares 40004 bytes, more than the 32768 bytes accepted');
  });

  it('refuses a file that ends before its declared length, read by P1-P2 offsets', async () => {
    const card = cardWith(DG2, ldsBytes(0x75, 596, 496));
    const error = await idCardRejection(
      new LdsFileReader(card, { maxReadSize: 223 }).readFile(DG2),
    );
    expect([error.code, error.message]).toEqual([
      'LDS_MALFORMED',
      'DG2 ends before its declared length',
    ]);
    // The card says 6282 (end of file) at 446 with the 54 bytes it has, then has none.
    expect(card.commands.map((c) => [c.p1, c.p2, c.ne])).toEqual([
      [0x82, 0, 223],
      [0, 223, 223],
      [1, 446 - 256, 154],
      [1, 500 - 256, 100],
    ]);
  });

  it('refuses a file that ends before its declared length past offset 32 767', async () => {
    const card = cardWith(DG2, ldsBytes(0x75, 39_996, 32_996));
    const error = await idCardRejection(
      new LdsFileReader(card, { maxReadSize: 32_767 }).readFile(DG2),
    );
    expect(error.message).toBe('DG2 ends before its declared length');
    expect(card.commands.map((c) => c.ins)).toEqual([0xb0, 0xb0, 0xb1]);
  });

  it('stops at a refused block and says which file and why', async () => {
    const denied = cardWith(DG2, ldsBytes(0x75, 596), {
      answer: (_: unknown, index: number) =>
        index === 1 ? { data: new Uint8Array(0), sw: 0x6982 } : undefined,
    });
    const error = await idCardRejection(
      new LdsFileReader(denied, { maxReadSize: 223 }).readFile(DG2),
    );
    expect([error.code, error.message, error.sw]).toEqual([
      'CHIP_ACCESS_DENIED',
      'READ BINARY DG2: security status not satisfied (SW 6982)',
      0x6982,
    ]);
    const broken = cardWith(DG2, ldsBytes(0x75, 39_996), {
      answer: (_: unknown, index: number) =>
        index === 2 ? { data: new Uint8Array(0), sw: 0x6988 } : undefined,
    });
    const odd = await idCardRejection(
      new LdsFileReader(broken, { maxReadSize: 16_384 }).readFile(DG2),
    );
    expect([odd.code, odd.message]).toEqual([
      'SM_PROTOCOL',
      'READ BINARY DG2: secure messaging data objects incorrect (SW 6988)',
    ]);
    expect(broken.commands.map((c) => c.ins)).toEqual([0xb0, 0xb0, 0xb1]);
  });
});
