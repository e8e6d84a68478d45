/**
 * DG2, the encoded face (ICAO 9303-10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E
 * data } } }, the data an ISO/IEC 19794-5 record whose image is JPEG (SOI FF D8 FF) or JPEG 2000
 * (the JP2 signature box, ISO 15444-1 §I.5.1, or a bare codestream, SOC FF 4F then SIZ FF 51).
 * The bytes are written here by hand (X.690), so no encoder of ours decides what must be read.
 */
import { describe, expect, it } from 'vitest';
import { parseDg2 } from './dg2';
import { idCardFailure } from '../testing/id-card-failure';

function der(tag: number, ...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const value = parts.flatMap((p) => [...p]);
  const n = value.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  const tag_ = tag > 0xff ? [tag >> 8, tag & 0xff] : [tag];
  return Uint8Array.from([...tag_, ...length, ...value]);
}

const JFIF = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02];
const EOI = [0xff, 0xd9];
const JP2_BOX = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K_START = [0xff, 0x4f, 0xff, 0x51, 0x00, 0x29];

/** An ISO/IEC 19794-5 record: general header "FAC\0" "010\0", length, one face, then the image. */
function faceRecord(image: readonly number[]): number[] {
  const facial = new Array<number>(20 + 12).fill(0);
  const length = 14 + facial.length + image.length;
  return [
    ...[0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00],
    ...[0, 0, length >> 8, length & 0xff, 0, 1],
    ...facial,
    ...image,
  ];
}

const header = der(0xa1, der(0x80, [1, 1]), der(0x87, [1, 1]), der(0x88, [0, 8]));
const dg2 = (...templates: Uint8Array[]) =>
  der(0x75, der(0x7f61, der(0x02, [templates.length]), ...templates));
const face = (data: readonly number[], tag = 0x5f2e) => der(0x7f60, header, der(tag, data));

describe('the face image in DG2', () => {
  it('is the JPEG from its SOI marker to the end of the data block', () => {
    const jpeg = [...JFIF, 0x11, 0x22, ...EOI];
    expect(parseDg2(dg2(face(faceRecord(jpeg))))).toEqual({
      bytes: Uint8Array.from(jpeg),
      mime: 'image/jpeg',
    });
  });

  it('is the JPEG 2000 file from its signature box', () => {
    const jp2 = [...JP2_BOX, 0x00, 0x00, 0x00, 0x14, 0x66, 0x74, 0x79, 0x70];
    expect(parseDg2(dg2(face(faceRecord(jp2))))).toEqual({
      bytes: Uint8Array.from(jp2),
      mime: 'image/jp2',
    });
  });

  it('is the JPEG 2000 codestream from its SOC and SIZ markers', () => {
    const j2k = [...J2K_START, 0x01, 0x02];
    expect(parseDg2(dg2(face(faceRecord(j2k))))).toEqual({
      bytes: Uint8Array.from(j2k),
      mime: 'image/jp2',
    });
  });

  it('starts at the first signature when the image holds another one later', () => {
    const jp2WithJpegBytes = [...JP2_BOX, ...JFIF, ...J2K_START];
    expect(parseDg2(dg2(face(faceRecord(jp2WithJpegBytes))))).toEqual({
      bytes: Uint8Array.from(jp2WithJpegBytes),
      mime: 'image/jp2',
    });
    const j2kWithBox = [...J2K_START, ...JP2_BOX];
    expect(parseDg2(dg2(face(faceRecord(j2kWithBox)))).bytes).toEqual(Uint8Array.from(j2kWithBox));
    const jpegWithJ2k = [...JFIF, ...J2K_START, ...EOI];
    expect(parseDg2(dg2(face(faceRecord(jpegWithJ2k))))).toEqual({
      bytes: Uint8Array.from(jpegWithJ2k),
      mime: 'image/jpeg',
    });
  });

  it('is found at the very start of a data block that holds only the image', () => {
    const jpeg = [...JFIF, ...EOI];
    expect(parseDg2(dg2(face(jpeg)))).toEqual({ bytes: Uint8Array.from(jpeg), mime: 'image/jpeg' });
  });

  it('finds a signature in the last bytes, and passes over a partial one', () => {
    const cut = [0xff, 0xd8, 0x00, 0xff, 0x4f, 0xff, 0x51];
    expect(parseDg2(dg2(face(faceRecord(cut))))).toEqual({
      bytes: Uint8Array.of(0xff, 0x4f, 0xff, 0x51),
      mime: 'image/jp2',
    });
  });

  it('is found in the biometric data block of a later template, or an enciphered one (7F2E)', () => {
    const jpeg = [...JFIF, ...EOI];
    const headerOnly = der(0x7f60, header);
    expect(parseDg2(dg2(headerOnly, face(faceRecord(jpeg)))).bytes).toEqual(Uint8Array.from(jpeg));
    expect(parseDg2(dg2(face(faceRecord(jpeg), 0x7f2e))).mime).toBe('image/jpeg');
  });
});

describe('DG2 that is refused', () => {
  it('refuses another file or broken TLV as not a biometric information template', () => {
    const wrongTag = idCardFailure(() => parseDg2(der(0x61, der(0x5f1f, [0x41]))));
    expect([wrongTag.code, wrongTag.message]).toEqual([
      'LDS_MALFORMED',
      'DG2 is not a biometric information template',
    ]);
    expect(wrongTag.cause).toEqual(new Error('tag 61'));
    const cut = dg2(face(faceRecord([...JFIF, ...EOI]))).slice(0, 30);
    expect(idCardFailure(() => parseDg2(cut)).cause).toMatchObject({ code: 'TLV_MALFORMED' });
  });

  it('refuses a template without a biometric data block', () => {
    const error = idCardFailure(() => parseDg2(dg2(der(0x7f60, header))));
    expect([error.code, error.message]).toEqual([
      'LDS_MALFORMED',
      'DG2 holds no biometric data block',
    ]);
  });

  it('refuses a data block with neither JPEG nor JPEG 2000 in it', () => {
    const error = idCardFailure(() =>
      parseDg2(dg2(face(faceRecord([0xff, 0xd8, 0x00, 0xff, 0x4f])))),
    );
    expect([error.code, error.message]).toEqual([
      'LDS_MALFORMED',
      'DG2 face image is neither JPEG nor JPEG 2000',
    ]);
  });
});
