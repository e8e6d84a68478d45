/**
 * The LDS file reader against an in-memory card (ISO 7816-4 §11.3.3, ICAO 9303-10 §3.6): the
 * first READ BINARY by short EF identifier reads ahead, its TLV header gives the file length, the
 * rest follows in blocks at the offsets P1-P2 give, and offsets above 32 767 go in DO54 with the
 * odd INS B1. Files are built here byte by byte, each content byte telling its position.
 */
import { describe, expect, it } from 'vitest';
import { FileSystemCard, type CardFile } from '../testing/file-system-card';
import { LdsFileReader } from './file-reader';
import { dataGroupFile, type LdsFile } from './lds-files';

/** `tag`, a three-byte long-form length (X.690 §8.1.3.5) and `valueLength` patterned bytes. */
function ldsBytes(tag: number, valueLength: number): Uint8Array {
  const header = [tag, 0x83, valueLength >> 16, (valueLength >> 8) & 0xff, valueLength & 0xff];
  const bytes = new Uint8Array(header.length + valueLength);
  bytes.set(header);
  for (let i = header.length; i < bytes.length; i++) bytes[i] = (i + Math.floor(i / 251)) % 256;
  return bytes;
}

const DG1 = dataGroupFile(1);
const DG2 = dataGroupFile(2);
const onCard = (file: LdsFile, bytes: Uint8Array): CardFile => ({
  fid: file.fid,
  sfi: file.sfi,
  bytes,
});
const header = (c: { ins: number; p1: number; p2: number; ne?: number }) => [
  c.ins,
  c.p1,
  c.p2,
  c.ne,
];

describe('reading an LDS file ahead of its length', () => {
  it('reads a small file with one READ BINARY by short EF identifier, asking 65 000 bytes', async () => {
    const dg1 = ldsBytes(0x61, 90);
    const card = new FileSystemCard([onCard(DG1, dg1)]);
    const progress: [string, number, number][] = [];
    const reader = new LdsFileReader(card, {
      onBlock: (file, read, total) => progress.push([file.name, read, total]),
    });
    expect(reader.blockSize).toBe(65_000);
    expect(await reader.readFile(DG1)).toEqual(dg1);
    // P1 = 0x80 | SFI 1, P2 = offset 0 (ISO 7816-4 §11.3.3); CLA 00 before secure messaging.
    expect(card.commands).toEqual([{ cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 65_000 }]);
    expect(progress).toEqual([['DG1', 95, 95]]);
  });

  it('reads only the TLV when the elementary file holds padding after it', async () => {
    const dg1 = ldsBytes(0x61, 90);
    const padded = Uint8Array.from([...dg1, ...new Uint8Array(40).fill(0xff)]);
    const card = new FileSystemCard([onCard(DG1, padded)]);
    expect(await new LdsFileReader(card).readFile(DG1)).toEqual(dg1);
  });

  it('reads the rest in blocks of the block size at the offsets P1-P2 give, with progress', async () => {
    const dg2 = ldsBytes(0x75, 595);
    const card = new FileSystemCard([onCard(DG2, dg2)]);
    const progress: number[][] = [];
    const reader = new LdsFileReader(card, {
      maxReadSize: 223,
      onBlock: (_file, read, total) => progress.push([read, total]),
    });
    expect(await reader.readFile(DG2)).toEqual(dg2);
    expect(card.commands.map(header)).toEqual([
      [0xb0, 0x82, 0, 223],
      [0xb0, 0x00, 223, 223],
      [0xb0, 0x01, 446 - 256, 600 - 446],
    ]);
    expect(progress).toEqual([
      [223, 600],
      [446, 600],
      [600, 600],
    ]);
  });

  it('reads at offset 32 767 with B0, and past it with B1 and the offset in DO54', async () => {
    const dg2 = ldsBytes(0x75, 70_000 - 5);
    const card = new FileSystemCard([onCard(DG2, dg2)]);
    const reader = new LdsFileReader(card, { maxReadSize: 32_767 });
    expect(await reader.readFile(DG2)).toEqual(dg2);
    expect(card.commands).toEqual([
      { cla: 0, ins: 0xb0, p1: 0x82, p2: 0, ne: 32_767 },
      { cla: 0, ins: 0xb0, p1: 0x7f, p2: 0xff, ne: 32_767 },
      // 65 534 = 00 FF FE; Ne counts DO53's tag and three-byte length: 70 000 - 65 534 + 4.
      {
        cla: 0,
        ins: 0xb1,
        p1: 0,
        p2: 0,
        data: Uint8Array.of(0x54, 0x03, 0x00, 0xff, 0xfe),
        ne: 4_470,
      },
    ]);
  });

  it('asks B1 for at most 65 536 bytes, the extended Le maximum, with a three-byte offset', async () => {
    const dg2 = ldsBytes(0x75, 140_000);
    const card = new FileSystemCard([onCard(DG2, dg2)]);
    const reader = new LdsFileReader(card, { maxReadSize: 65_536 });
    expect(await reader.readFile(DG2)).toEqual(dg2);
    const [, second] = card.commands;
    expect(second).toEqual({
      cla: 0,
      ins: 0xb1,
      p1: 0,
      p2: 0,
      data: Uint8Array.of(0x54, 0x03, 0x01, 0x00, 0x00),
      ne: 65_536,
    });
    // The card fits DO53 in Ne, with 65 531 bytes of the file: the next offset is 01 FF FB.
    expect(card.commands.slice(2).map((c) => c.data)).toEqual([
      Uint8Array.of(0x54, 0x03, 0x01, 0xff, 0xfb),
    ]);
  });

  it('follows a card that ignores Le, and keeps none of the padding it sends after the TLV', async () => {
    const dg2 = ldsBytes(0x75, 400);
    const padded = Uint8Array.from([...dg2, ...new Uint8Array(20).fill(0xff)]);
    const card = new FileSystemCard([onCard(DG2, padded)], { ignoresNeBy: 3 });
    const progress: number[] = [];
    const reader = new LdsFileReader(card, {
      maxReadSize: 223,
      onBlock: (_file, read) => progress.push(read),
    });
    expect(await reader.readFile(DG2)).toEqual(dg2);
    expect(card.commands.map(header)).toEqual([
      [0xb0, 0x82, 0, 223],
      [0xb0, 0, 226, 405 - 226],
    ]);
    expect(progress).toEqual([226, 405]);
  });

  it('reads by SELECT and offset when told not to use short EF identifiers', async () => {
    const dg2 = ldsBytes(0x75, 300);
    const card = new FileSystemCard([onCard(DG2, dg2)]);
    const reader = new LdsFileReader(card, { useShortFileIds: false });
    expect(await reader.readFile(DG2)).toEqual(dg2);
    expect(card.commands).toEqual([
      { cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(0x01, 0x02) },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65_000 },
    ]);
  });
});
