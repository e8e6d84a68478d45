import { IdCardError } from '../errors';
import { concat } from '../util/bytes';

/**
 * BER-TLV as used by ISO 7816-4 §5.2 and ICAO 9303 Part 10 §4: multi-byte tags (first byte
 * low five bits all set), definite lengths in short or long form (up to 4 length bytes). The
 * indefinite form never appears in the LDS and is rejected.
 */
export interface Tlv {
  readonly tag: number;
  /** Whether the constructed bit (b6 of the first tag byte) is set. */
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Offset of the tag (start of the element) in the buffer it was read from. */
  readonly start: number;
  /** Offset just past this element. */
  readonly end: number;
  /** Offset of the value within the buffer. */
  readonly valueOffset: number;
}

export interface TlvHeader {
  readonly tag: number;
  readonly constructed: boolean;
  readonly headerLength: number;
  readonly valueLength: number;
}

function malformed(message: string): IdCardError {
  return new IdCardError('TLV_MALFORMED', `malformed BER-TLV: ${message}`);
}

/** Reads a tag and a length at `offset`; does not need the value to be present. */
export function readTlvHeader(buf: Uint8Array, offset = 0): TlvHeader {
  let pos = offset;
  const first = buf[pos++];
  if (first === undefined) throw malformed('no tag');
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let next: number | undefined;
    let count = 0;
    do {
      next = buf[pos++];
      if (next === undefined) throw malformed('tag runs past the end');
      tag = tag * 256 + next;
      if (++count > 3) throw malformed('tag longer than 4 bytes');
    } while ((next & 0x80) !== 0);
  }
  const lengthByte = buf[pos++];
  if (lengthByte === undefined) throw malformed('no length');
  let valueLength = lengthByte;
  if (lengthByte === 0x80) throw malformed('indefinite length');
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f;
    if (n > 4) throw malformed(`length of ${n} bytes`);
    valueLength = 0;
    for (let i = 0; i < n; i++) {
      const b = buf[pos++];
      if (b === undefined) throw malformed('length runs past the end');
      valueLength = valueLength * 256 + b;
    }
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: pos - offset, valueLength };
}

/** Reads one complete element at `offset`. */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  const header = readTlvHeader(buf, offset);
  const valueOffset = offset + header.headerLength;
  const end = valueOffset + header.valueLength;
  if (end > buf.length) {
    throw malformed(`value of ${header.valueLength} bytes runs past the end (${buf.length})`);
  }
  return {
    tag: header.tag,
    constructed: header.constructed,
    value: buf.subarray(valueOffset, end),
    start: offset,
    end,
    valueOffset,
  };
}

/** All elements that follow each other in `buf` (the children of a constructed value). */
export function readTlvList(buf: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const tlv = readTlv(buf, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

/** The first direct child with `tag`, or undefined. */
export function findTlv(buf: Uint8Array, tag: number): Tlv | undefined {
  return readTlvList(buf).find((t) => t.tag === tag);
}

export function requireTlv(buf: Uint8Array, tag: number, what: string): Tlv {
  const found = findTlv(buf, tag);
  if (!found) throw malformed(`${what} (tag ${tag.toString(16)}) is missing`);
  return found;
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTag(tag: number): Uint8Array {
  const bytes: number[] = [];
  for (let t = tag; t > 0 || bytes.length === 0; t = Math.floor(t / 256)) bytes.unshift(t & 0xff);
  return Uint8Array.from(bytes);
}

export function encodeTlv(tag: number, ...value: readonly Uint8Array[]): Uint8Array {
  const body = concat(...value);
  return concat(encodeTag(tag), encodeLength(body.length), body);
}
