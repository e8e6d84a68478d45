import { cbc } from '@noble/ciphers/aes.js';
import { tdesCbcDecrypt, tdesCbcEncrypt } from '../crypto/triple-des';
import { deriveKey, KDF_COUNTER, type CipherKind } from '../crypto/key-derivation';
import { encodeTlv } from '../tlv/ber-tlv';
import { fromBigInt, toBigInt } from '../util/bytes';
import { macPadded, smCipherFromSecret, type SmCipher } from '../sm/sm-cipher';
import type { PaceCurve, PacePoint } from './pace-curves';
import { encodeOid } from './pace-info';

/**
 * The pure steps of PACE with ECDH generic mapping (ICAO 9303 Part 11 §4.4.3.3.1, appendix
 * G.1), shared by the terminal and by the virtual card.
 */
export function passwordKey(password: Uint8Array, cipher: CipherKind): Uint8Array {
  return deriveKey(password, KDF_COUNTER.PACE, cipher);
}

export function decryptNonce(kPi: Uint8Array, cipher: CipherKind, z: Uint8Array): Uint8Array {
  return cipher === '3DES'
    ? tdesCbcDecrypt(kPi, z)
    : cbc(kPi, new Uint8Array(16), { disablePadding: true }).decrypt(z);
}

export function encryptNonce(kPi: Uint8Array, cipher: CipherKind, s: Uint8Array): Uint8Array {
  return cipher === '3DES'
    ? tdesCbcEncrypt(kPi, s)
    : cbc(kPi, new Uint8Array(16), { disablePadding: true }).encrypt(s);
}

/** Generic mapping: Ĝ = s·G + H, where H = sk_map · PK_map(other side). */
export function mapGenerator(
  curve: PaceCurve,
  s: Uint8Array,
  ownMapKey: bigint,
  otherMapPublic: Uint8Array,
): PacePoint {
  const h = curve.Point.fromBytes(otherMapPublic).multiply(ownMapKey);
  return curve.Point.BASE.multiply(toBigInt(s) % curve.Point.Fn.ORDER).add(h);
}

export function publicKeyOn(generator: PacePoint, secret: bigint): Uint8Array {
  return generator.multiply(secret).toBytes(false);
}

/** The shared secret K: the x coordinate of sk · PK (§4.4.3.3.1 step 4). */
export function sharedSecret(
  curve: PaceCurve,
  secret: bigint,
  otherPublic: Uint8Array,
): Uint8Array {
  const point = curve.Point.fromBytes(otherPublic).multiply(secret);
  return fromBigInt(point.toAffine().x, curve.Point.Fp.BYTES);
}

export function sessionCipher(k: Uint8Array, cipher: CipherKind): SmCipher {
  return smCipherFromSecret(cipher, k);
}

/** Authentication token T = MAC(KSmac, 7F49 { 06 OID, 86 PK }) (§4.4.3.4, BSI TR-03110-3 D.3.4). */
export function authenticationToken(
  session: SmCipher,
  oid: string,
  otherPublic: Uint8Array,
): Uint8Array {
  const input = encodeTlv(0x7f49, encodeTlv(0x06, encodeOid(oid)), encodeTlv(0x86, otherPublic));
  return macPadded(session, input);
}

export function randomScalar(curve: PaceCurve): bigint {
  return toBigInt(curve.utils.randomSecretKey());
}
