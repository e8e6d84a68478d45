import { IdCardError } from '../errors';
import { concat } from '../util/bytes';

/**
 * A command APDU (ISO/IEC 7816-4 §5.1). `ne` is the number of response bytes expected:
 * 0 = no Le field, 1..256 fits short Le (256 encoded as 00), up to 65536 needs extended Le.
 */
export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly ne?: number;
}

export const MAX_SHORT_NE = 256;
export const MAX_EXTENDED_NE = 65536;

/** Whether the APDU needs the extended length fields (§5.1: Lc > 255 or Ne > 256). */
export function needsExtendedLength(apdu: CommandApdu): boolean {
  return (apdu.data?.length ?? 0) > 255 || (apdu.ne ?? 0) > MAX_SHORT_NE;
}

/** Encodes cases 1–4, short or extended (§5.1, table 1). */
export function encodeCommandApdu(apdu: CommandApdu): Uint8Array {
  const data = apdu.data ?? new Uint8Array(0);
  const ne = apdu.ne ?? 0;
  if (data.length > 65535) throw new IdCardError('APDU_MALFORMED', 'command data over 65535 bytes');
  if (ne < 0 || ne > MAX_EXTENDED_NE)
    throw new IdCardError('APDU_MALFORMED', `Ne ${ne} out of range`);
  const header = Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2);
  if (!needsExtendedLength(apdu)) {
    const lc = data.length > 0 ? Uint8Array.of(data.length) : new Uint8Array(0);
    const le = ne > 0 ? Uint8Array.of(ne === 256 ? 0 : ne) : new Uint8Array(0);
    return concat(header, lc, data, le);
  }
  const extLe = (n: number): Uint8Array => Uint8Array.of((n >> 8) & 0xff, n & 0xff);
  const neBytes = ne === MAX_EXTENDED_NE ? Uint8Array.of(0, 0) : extLe(ne);
  if (data.length === 0) return concat(header, Uint8Array.of(0), neBytes);
  const lc = Uint8Array.of(0, (data.length >> 8) & 0xff, data.length & 0xff);
  return concat(header, lc, data, ne > 0 ? neBytes : new Uint8Array(0));
}

/** Decodes a command APDU (used by the virtual card); rejects inconsistent lengths. */
export function decodeCommandApdu(bytes: Uint8Array): CommandApdu & { extended: boolean } {
  const bad = (why: string): IdCardError =>
    new IdCardError('APDU_MALFORMED', `bad command APDU: ${why}`);
  if (bytes.length < 4) throw bad('shorter than a header');
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = bytes;
  const base = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  if (body.length === 0) return { ...base, extended: false };
  if (body.length === 1) return { ...base, ne: body[0] || 256, extended: false };
  const b0 = body[0] ?? 0;
  if (b0 !== 0) {
    // short: Lc data [Le]
    if (body.length === 1 + b0) return { ...base, data: body.subarray(1), extended: false };
    if (body.length === 2 + b0) {
      return { ...base, data: body.subarray(1, 1 + b0), ne: body[1 + b0] || 256, extended: false };
    }
    throw bad('short Lc does not match the length');
  }
  if (body.length === 3) {
    const ne = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
    return { ...base, ne: ne || 65536, extended: true };
  }
  const lc = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
  if (lc === 0) throw bad('extended Lc of zero');
  if (body.length === 3 + lc) return { ...base, data: body.subarray(3), extended: true };
  if (body.length === 5 + lc) {
    const ne = ((body[3 + lc] ?? 0) << 8) | (body[4 + lc] ?? 0);
    return { ...base, data: body.subarray(3, 3 + lc), ne: ne || 65536, extended: true };
  }
  throw bad('extended Lc does not match the length');
}
