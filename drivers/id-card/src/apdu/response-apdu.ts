import { IdCardError } from '../errors';

/** A response APDU (ISO/IEC 7816-4 §5.1): body and the two status bytes SW1-SW2. */
export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export function decodeResponseApdu(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) {
    throw new IdCardError('APDU_MALFORMED', `response of ${bytes.length} bytes has no status word`);
  }
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: ((bytes[n - 2] ?? 0) << 8) | (bytes[n - 1] ?? 0) };
}

export function encodeResponseApdu(r: ResponseApdu): Uint8Array {
  const out = new Uint8Array(r.data.length + 2);
  out.set(r.data);
  out[r.data.length] = (r.sw >> 8) & 0xff;
  out[r.data.length + 1] = r.sw & 0xff;
  return out;
}
