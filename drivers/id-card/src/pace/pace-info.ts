import { IdCardError } from '../errors';
import { readTlv, readTlvList } from '../tlv/ber-tlv';
import type { CipherKind } from '../crypto/key-derivation';

/** id-PACE, ICAO 9303 Part 11 §9.2.1 / BSI TR-03110-3 A.1.1. */
export const ID_PACE = '0.4.0.127.0.7.2.2.4';

export type PaceMapping = 'ECDH-GM' | 'DH-GM' | 'ECDH-IM' | 'DH-IM' | 'ECDH-CAM';

export interface PaceInfo {
  readonly oid: string;
  readonly version: number;
  readonly parameterId: number | undefined;
  readonly mapping: PaceMapping;
  readonly cipher: CipherKind;
}

const MAPPINGS: Record<number, PaceMapping> = {
  1: 'DH-GM',
  2: 'ECDH-GM',
  3: 'DH-IM',
  4: 'ECDH-IM',
  6: 'ECDH-CAM',
};
const CIPHERS: Record<number, CipherKind> = { 1: '3DES', 2: 'AES-128', 3: 'AES-192', 4: 'AES-256' };

export function decodeOid(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0)
        parts.push(
          Math.min(2, Math.floor(value / 40)),
          value - Math.min(2, Math.floor(value / 40)) * 40,
        );
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

export function encodeOid(oid: string): Uint8Array {
  const [a = 0, b = 0, ...rest] = oid.split('.').map(Number);
  const out: number[] = [a * 40 + b];
  for (const n of rest) {
    const chunk: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}

function readInteger(value: Uint8Array): number {
  let n = 0;
  for (const b of value) n = n * 256 + b;
  return n;
}

/**
 * The PACEInfo entries of EF.CardAccess (§9.2.1): a SET OF SecurityInfo, each
 * `SEQUENCE { OID, INTEGER version, INTEGER parameterId OPTIONAL }`. Other SecurityInfos are
 * skipped; an unknown PACE OID is skipped too.
 */
export function parseCardAccess(bytes: Uint8Array): PaceInfo[] {
  let set;
  try {
    set = readTlv(bytes);
  } catch (cause) {
    throw new IdCardError('LDS_MALFORMED', 'EF.CardAccess is not BER-TLV', { cause });
  }
  if (set.tag !== 0x31) throw new IdCardError('LDS_MALFORMED', 'EF.CardAccess is not a SET');
  const infos: PaceInfo[] = [];
  for (const item of readTlvList(set.value)) {
    if (item.tag !== 0x30) continue;
    const fields = readTlvList(item.value);
    const [oidField, versionField, paramField] = fields;
    if (oidField?.tag !== 0x06 || versionField?.tag !== 0x02) continue;
    const oid = decodeOid(oidField.value);
    if (!oid.startsWith(`${ID_PACE}.`)) continue;
    const [mappingId, cipherId] = oid
      .slice(ID_PACE.length + 1)
      .split('.')
      .map(Number);
    const mapping = MAPPINGS[mappingId ?? 0];
    const cipher = CIPHERS[cipherId ?? 0];
    if (!mapping || !cipher) continue;
    infos.push({
      oid,
      version: readInteger(versionField.value),
      parameterId: paramField?.tag === 0x02 ? readInteger(paramField.value) : undefined,
      mapping,
      cipher,
    });
  }
  return infos;
}

/** The arc a table gives a value (the inverse of reading a PACEInfo's OID). */
function arcOf<T extends string>(table: Record<number, T>, value: T): number {
  const found = Object.entries(table).find(([, known]) => known === value);
  if (!found) throw new RangeError(`PACE has no OID arc for ${value}`);
  return Number(found[0]);
}

/** The protocol OID of a mapping and cipher: id-PACE, then the mapping's arc, then the cipher's. */
export function paceOid(mapping: PaceMapping, cipher: CipherKind): string {
  return `${ID_PACE}.${arcOf(MAPPINGS, mapping)}.${arcOf(CIPHERS, cipher)}`;
}
