import { randomBytes } from 'node:crypto';
import type { ApduSender } from '../apdu/card-channel';
import { statusWordError } from '../apdu/status-word';
import { IdCardError } from '../errors';
import { pad } from '../crypto/padding';
import { retailMac, tdesCbcDecrypt, tdesCbcEncrypt } from '../crypto/triple-des';
import { deriveKey, KDF_COUNTER } from '../crypto/key-derivation';
import { concat, equalBytes } from '../util/bytes';
import { bacKeySeed, type AccessKey } from '../keys/access-key';
import { SecureMessaging } from '../sm/secure-messaging';
import { tripleDesSmCipher } from '../sm/sm-cipher';
import { INS } from '../apdu/instruction';

/** BAC document keys K_enc and K_mac from the MRZ (ICAO 9303 Part 11 §9.7.2, appendix D.2). */
export function bacKeys(key: Extract<AccessKey, { kind: 'mrz' }>): {
  kEnc: Uint8Array;
  kMac: Uint8Array;
} {
  const seed = bacKeySeed(key);
  return {
    kEnc: deriveKey(seed, KDF_COUNTER.ENC, '3DES'),
    kMac: deriveKey(seed, KDF_COUNTER.MAC, '3DES'),
  };
}

/** Session keys and SSC from the two key halves and nonces (§9.7.4, appendix D.3). */
export function bacSession(
  kIfd: Uint8Array,
  kIc: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
): SecureMessaging {
  const seed = kIfd.map((b, i) => b ^ (kIc[i] ?? 0));
  const cipher = tripleDesSmCipher(
    deriveKey(seed, KDF_COUNTER.ENC, '3DES'),
    deriveKey(seed, KDF_COUNTER.MAC, '3DES'),
  );
  return new SecureMessaging(cipher, concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)));
}

/** E_IFD ‖ M_IFD, the EXTERNAL AUTHENTICATE data (§4.3.3.1 steps 1–3). */
export function bacTerminalCryptogram(
  keys: { kEnc: Uint8Array; kMac: Uint8Array },
  rndIfd: Uint8Array,
  rndIc: Uint8Array,
  kIfd: Uint8Array,
): Uint8Array {
  const e = tdesCbcEncrypt(keys.kEnc, concat(rndIfd, rndIc, kIfd));
  return concat(e, retailMac(keys.kMac, pad(e)));
}

export interface BacRandom {
  rndIfd: Uint8Array;
  kIfd: Uint8Array;
}

/**
 * Basic Access Control, terminal side (§4.3): GET CHALLENGE, EXTERNAL AUTHENTICATE, then the
 * session keys. Wrong keys make the card answer 6300/6982 → CHIP_ACCESS_DENIED.
 */
export async function performBac(
  channel: ApduSender,
  key: Extract<AccessKey, { kind: 'mrz' }>,
  random: BacRandom = {
    rndIfd: new Uint8Array(randomBytes(8)),
    kIfd: new Uint8Array(randomBytes(16)),
  },
): Promise<SecureMessaging> {
  const keys = bacKeys(key);
  const challenge = await channel.send({ cla: 0, ins: INS.GET_CHALLENGE, p1: 0, p2: 0, ne: 8 });
  if (challenge.sw !== 0x9000) throw statusWordError(challenge.sw, 'GET CHALLENGE');
  if (challenge.data.length !== 8)
    throw new IdCardError('SM_PROTOCOL', 'GET CHALLENGE returned no 8-byte nonce');
  const rndIc = challenge.data;
  const auth = await channel.send({
    cla: 0,
    ins: INS.MUTUAL_AUTHENTICATE,
    p1: 0,
    p2: 0,
    data: bacTerminalCryptogram(keys, random.rndIfd, rndIc, random.kIfd),
    ne: 40,
  });
  if (auth.sw !== 0x9000) throw statusWordError(auth.sw, 'EXTERNAL AUTHENTICATE (BAC)');
  if (auth.data.length !== 40) throw new IdCardError('SM_PROTOCOL', 'BAC answer is not 40 bytes');
  const eIc = auth.data.subarray(0, 32);
  if (!equalBytes(retailMac(keys.kMac, pad(eIc)), auth.data.subarray(32))) {
    throw new IdCardError('SM_MAC_INVALID', 'the chip cryptogram MAC does not verify (BAC)');
  }
  const r = tdesCbcDecrypt(keys.kEnc, eIc);
  if (!equalBytes(r.subarray(0, 8), rndIc) || !equalBytes(r.subarray(8, 16), random.rndIfd)) {
    throw new IdCardError('CHIP_ACCESS_DENIED', 'the chip did not return our nonces (BAC)');
  }
  return bacSession(random.kIfd, r.subarray(16, 32), rndIc, random.rndIfd);
}

/**
 * Card side of EXTERNAL AUTHENTICATE (used by the virtual card): checks the terminal's
 * cryptogram and returns the chip's answer and session, or undefined when the key is wrong.
 */
export function bacCardAnswer(
  keys: { kEnc: Uint8Array; kMac: Uint8Array },
  rndIc: Uint8Array,
  terminalData: Uint8Array,
  kIc: Uint8Array,
): { answer: Uint8Array; session: SecureMessaging } | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, a wrong length never matches the 8-byte MAC below
  if (terminalData.length !== 40) return undefined;
  const e = terminalData.subarray(0, 32);
  if (!equalBytes(retailMac(keys.kMac, pad(e)), terminalData.subarray(32))) return undefined;
  const s = tdesCbcDecrypt(keys.kEnc, e);
  const rndIfd = s.subarray(0, 8);
  if (!equalBytes(s.subarray(8, 16), rndIc)) return undefined;
  const eIc = tdesCbcEncrypt(keys.kEnc, concat(rndIc, rndIfd, kIc));
  return {
    answer: concat(eIc, retailMac(keys.kMac, pad(eIc))),
    session: bacSession(s.subarray(16, 32), kIc, rndIc, rndIfd),
  };
}
