/** Small byte helpers shared by every layer; Uint8Array in, Uint8Array out. */

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('hex')
    .toUpperCase();
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new TypeError(`not a hex string: ${text.slice(0, 20)}`);
  }
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function byteAt(bytes: Uint8Array, index: number): number {
  const b = bytes[index];
  if (b === undefined) throw new RangeError(`byte ${index} is past the end (${bytes.length})`);
  return b;
}

export function u16(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

export function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export function toAscii(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

export function toUtf8(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** Big-endian unsigned integer of any length, as a bigint. */
export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${hex(bytes)}`);
}

export function fromBigInt(value: bigint, length: number): Uint8Array {
  const text = value.toString(16).padStart(length * 2, '0');
  if (text.length > length * 2) throw new RangeError(`integer does not fit in ${length} bytes`);
  return fromHex(text);
}
