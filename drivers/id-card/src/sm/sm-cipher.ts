import { cbc, cmac, ecb } from '@noble/ciphers/aes.js';
import { pad } from '../crypto/padding';
import { retailMac, tdesCbcDecrypt, tdesCbcEncrypt } from '../crypto/triple-des';
import { deriveKey, KDF_COUNTER, type CipherKind } from '../crypto/key-derivation';

/**
 * The cipher suite of a secure-messaging session (ICAO 9303 Part 11 §9.8): how to encrypt
 * data objects under the send sequence counter and how to compute the 8-byte MAC.
 */
export interface SmCipher {
  readonly kind: CipherKind;
  readonly blockSize: number;
  encrypt(ssc: Uint8Array, paddedData: Uint8Array): Uint8Array;
  decrypt(ssc: Uint8Array, data: Uint8Array): Uint8Array;
  /** MAC over data already padded to the block size. */
  mac(paddedData: Uint8Array): Uint8Array;
}

/** §9.8.6.1: 3DES CBC with a zero IV, retail MAC; SSC of 8 bytes. */
export function tripleDesSmCipher(kEnc: Uint8Array, kMac: Uint8Array): SmCipher {
  return {
    kind: '3DES',
    blockSize: 8,
    encrypt: (_ssc, data) => tdesCbcEncrypt(kEnc, data),
    decrypt: (_ssc, data) => tdesCbcDecrypt(kEnc, data),
    mac: (data) => retailMac(kMac, data),
  };
}

/** §9.8.6.2: AES CBC with IV = E(KSenc, SSC), AES-CMAC truncated to 8 bytes; SSC of 16 bytes. */
export function aesSmCipher(kind: CipherKind, kEnc: Uint8Array, kMac: Uint8Array): SmCipher {
  const iv = (ssc: Uint8Array): Uint8Array => ecb(kEnc, { disablePadding: true }).encrypt(ssc);
  return {
    kind,
    blockSize: 16,
    encrypt: (ssc, data) => cbc(kEnc, iv(ssc), { disablePadding: true }).encrypt(data),
    decrypt: (ssc, data) => cbc(kEnc, iv(ssc), { disablePadding: true }).decrypt(data),
    mac: (data) => cmac(data, kMac).subarray(0, 8),
  };
}

export function smCipherFromSecret(kind: CipherKind, secret: Uint8Array): SmCipher {
  const kEnc = deriveKey(secret, KDF_COUNTER.ENC, kind);
  const kMac = deriveKey(secret, KDF_COUNTER.MAC, kind);
  return kind === '3DES' ? tripleDesSmCipher(kEnc, kMac) : aesSmCipher(kind, kEnc, kMac);
}

/** The MAC used for PACE authentication tokens: the same algorithm, on padded input. */
export function macPadded(cipher: SmCipher, data: Uint8Array): Uint8Array {
  return cipher.mac(cipher.kind === '3DES' ? pad(data, 8) : data);
}
