import { createHash } from 'node:crypto';
import { concat } from '../util/bytes';

/** The key derivation function of ICAO 9303 Part 11 §9.7.1. */
export const KDF_COUNTER = { ENC: 1, MAC: 2, PACE: 3 } as const;

export type CipherKind = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

/** Sets DES odd parity in every byte (the low bit), as the worked examples show the keys. */
export function adjustDesParity(key: Uint8Array): Uint8Array {
  return key.map((b) => {
    const ones = (b >> 1)
      .toString(2)
      .split('')
      .filter((c) => c === '1').length;
    return (b & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  });
}

export function deriveKey(secret: Uint8Array, counter: number, cipher: CipherKind): Uint8Array {
  const c = Uint8Array.of(0, 0, 0, counter);
  const input = concat(secret, c);
  switch (cipher) {
    case '3DES':
      return adjustDesParity(
        new Uint8Array(createHash('sha1').update(input).digest()).subarray(0, 16),
      );
    case 'AES-128':
      return new Uint8Array(createHash('sha1').update(input).digest()).subarray(0, 16);
    case 'AES-192':
      return new Uint8Array(createHash('sha256').update(input).digest()).subarray(0, 24);
    case 'AES-256':
      return new Uint8Array(createHash('sha256').update(input).digest());
  }
}

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(data).digest());
}
