import { IdCardError } from '../errors';
import { readTlv, readTlvList, type Tlv } from '../tlv/ber-tlv';

export interface FaceImage {
  readonly bytes: Uint8Array;
  readonly mime: 'image/jpeg' | 'image/jp2';
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(
    Uint8Array.from(needle),
  );
}

const JPEG_SOI = [0xff, 0xd8, 0xff];
const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20];
const J2K_CODESTREAM = [0xff, 0x4f, 0xff, 0x51];

function findBiometricData(tlvs: Tlv[]): Uint8Array | undefined {
  for (const t of tlvs) {
    if (t.tag === 0x5f2e || t.tag === 0x7f2e) return t.value;
    if (t.constructed) {
      const inner = findBiometricData(readTlvList(t.value));
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * DG2 (Part 10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E data } } }. The
 * biometric data block is an ISO/IEC 19794-5 record ("FAC\0"); rather than decode its variable
 * feature-point table we locate the image by its signature (JPEG SOI or JPEG 2000 box),
 * which is what every reader we know of ends up doing for robustness.
 */
export function parseDg2(bytes: Uint8Array): FaceImage {
  let data: Uint8Array | undefined;
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x75) throw new Error(`tag ${outer.tag.toString(16)}`);
    data = findBiometricData(readTlvList(outer.value));
  } catch (cause) {
    throw new IdCardError('LDS_MALFORMED', 'DG2 is not a biometric information template', {
      cause,
    });
  }
  if (!data) throw new IdCardError('LDS_MALFORMED', 'DG2 holds no biometric data block');
  const jpeg = indexOf(data, JPEG_SOI);
  const jp2 = indexOf(data, JP2_SIGNATURE);
  const j2k = indexOf(data, J2K_CODESTREAM);
  const candidates = [
    { at: jpeg, mime: 'image/jpeg' as const },
    { at: jp2, mime: 'image/jp2' as const },
    { at: j2k, mime: 'image/jp2' as const },
  ].filter((c) => c.at >= 0);
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  if (!first)
    throw new IdCardError('LDS_MALFORMED', 'DG2 face image is neither JPEG nor JPEG 2000');
  return { bytes: data.slice(first.at), mime: first.mime };
}
