import { createCipheriv, createDecipheriv } from 'node:crypto';
import { concat } from '../util/bytes';

/**
 * Two-key 3DES as ICAO 9303 Part 11 §9.8.6.1 uses it. Node's OpenSSL 3 no longer offers single
 * DES, so the DES steps of the retail MAC use `des-ede` with the key K1‖K1 (EDE with equal keys
 * is plain DES: E_K1(D_K1(E_K1(x))) = E_K1(x)).
 */
const ZERO_IV = new Uint8Array(8);

function run(
  mode: 'enc' | 'dec',
  algorithm: string,
  key: Uint8Array,
  iv: Uint8Array | null,
  data: Uint8Array,
): Uint8Array {
  const cipher =
    mode === 'enc' ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  cipher.setAutoPadding(false);
  return new Uint8Array(concat(cipher.update(data), cipher.final()));
}

export function tdesCbcEncrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  return run('enc', 'des-ede-cbc', key, iv, data);
}

export function tdesCbcDecrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  return run('dec', 'des-ede-cbc', key, iv, data);
}

function singleDes(mode: 'enc' | 'dec', k: Uint8Array, block: Uint8Array): Uint8Array {
  return run(mode, 'des-ede', concat(k, k), null, block);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, over data already padded (method 2):
 * single-DES CBC with K1, then decrypt with K2 and encrypt with K1 on the last block.
 */
export function retailMac(key: Uint8Array, paddedData: Uint8Array): Uint8Array {
  const k1 = key.subarray(0, 8);
  const k2 = key.subarray(8, 16);
  let h: Uint8Array = new Uint8Array(8);
  for (let off = 0; off < paddedData.length; off += 8) {
    const block = new Uint8Array(8);
    for (let i = 0; i < 8; i++) block[i] = (h[i] ?? 0) ^ (paddedData[off + i] ?? 0);
    h = singleDes('enc', k1, block);
  }
  return singleDes('enc', k1, singleDes('dec', k2, h));
}
