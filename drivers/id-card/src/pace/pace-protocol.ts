import type { ApduSender } from '../apdu/card-channel';
import { statusWordError } from '../apdu/status-word';
import { IdCardError } from '../errors';
import { encodeTlv, readTlv, findTlv } from '../tlv/ber-tlv';
import { concat, equalBytes } from '../util/bytes';
import { pacePassword, pacePasswordReference, type AccessKey } from '../keys/access-key';
import { SecureMessaging } from '../sm/secure-messaging';
import { curveForParameterId } from './pace-curves';
import { encodeOid, type PaceInfo } from './pace-info';
import {
  authenticationToken,
  decryptNonce,
  mapGenerator,
  passwordKey,
  publicKeyOn,
  randomScalar,
  sessionCipher,
  sharedSecret,
} from './pace-math';
import { INS } from '../apdu/instruction';

export interface PaceRandom {
  /** Terminal's mapping private key (tests inject the appendix G values). */
  mappingKey?: bigint;
  ephemeralKey?: bigint;
}

/** MSE:Set AT for PACE (Part 11 §4.4.4.1): protocol OID, password reference, parameter ID. */
export function mseSetAtData(info: PaceInfo, key: AccessKey): Uint8Array {
  return concat(
    encodeTlv(0x80, encodeOid(info.oid)),
    encodeTlv(0x83, Uint8Array.of(pacePasswordReference(key))),
    info.parameterId === undefined
      ? new Uint8Array(0)
      : encodeTlv(0x84, Uint8Array.of(info.parameterId)),
  );
}

async function generalAuthenticate(
  channel: ApduSender,
  step: string,
  tag: number,
  value: Uint8Array,
  last: boolean,
): Promise<Uint8Array> {
  const response = await channel.send({
    cla: last ? 0x00 : 0x10,
    ins: INS.GENERAL_AUTHENTICATE,
    p1: 0,
    p2: 0,
    data: encodeTlv(
      0x7c,
      value.length === 0 && tag === 0 ? new Uint8Array(0) : encodeTlv(tag, value),
    ),
    ne: 256,
  });
  if (response.sw !== 0x9000) throw statusWordError(response.sw, `GENERAL AUTHENTICATE (${step})`);
  try {
    const dynamic = readTlv(response.data);
    if (dynamic.tag !== 0x7c) throw new Error('not 7C');
    return dynamic.value;
  } catch (cause) {
    throw new IdCardError('SM_PROTOCOL', `GENERAL AUTHENTICATE (${step}): malformed answer`, {
      cause,
    });
  }
}

function need(container: Uint8Array, tag: number, step: string): Uint8Array {
  const found = findTlv(container, tag);
  if (!found)
    throw new IdCardError(
      'SM_PROTOCOL',
      `GENERAL AUTHENTICATE (${step}): tag ${tag.toString(16)} missing`,
    );
  return found.value;
}

/**
 * PACE with ECDH generic mapping, terminal side (Part 11 §4.4): MSE:Set AT, then the four
 * chained GENERAL AUTHENTICATE steps, ending in a fresh secure-messaging session (SSC = 0).
 */
export async function performPace(
  channel: ApduSender,
  key: AccessKey,
  info: PaceInfo,
  random: PaceRandom = {},
): Promise<SecureMessaging> {
  if (info.mapping !== 'ECDH-GM')
    throw new IdCardError('PACE_UNSUPPORTED', `PACE mapping ${info.mapping} is not supported`);
  const curve = curveForParameterId(info.parameterId);
  const set = await channel.send({
    cla: 0,
    ins: INS.MANAGE_SECURITY_ENVIRONMENT,
    p1: 0xc1,
    p2: 0xa4,
    data: mseSetAtData(info, key),
  });
  if (set.sw !== 0x9000) throw statusWordError(set.sw, 'MSE:Set AT (PACE)');

  const encryptedNonce = need(
    await generalAuthenticate(channel, 'nonce', 0, new Uint8Array(0), false),
    0x80,
    'nonce',
  );
  const s = decryptNonce(passwordKey(pacePassword(key), info.cipher), info.cipher, encryptedNonce);

  const mapKey = random.mappingKey ?? randomScalar(curve);
  const mapPublic = curve.Point.BASE.multiply(mapKey).toBytes(false);
  const chipMapPublic = need(
    await generalAuthenticate(channel, 'map nonce', 0x81, mapPublic, false),
    0x82,
    'map nonce',
  );
  let generator;
  try {
    generator = mapGenerator(curve, s, mapKey, chipMapPublic);
  } catch (cause) {
    throw new IdCardError('SM_PROTOCOL', 'PACE: the chip mapping key is not a point on the curve', {
      cause,
    });
  }

  const ephKey = random.ephemeralKey ?? randomScalar(curve);
  const ephPublic = publicKeyOn(generator, ephKey);
  const chipEphPublic = need(
    await generalAuthenticate(channel, 'key agreement', 0x83, ephPublic, false),
    0x84,
    'key agreement',
  );
  if (equalBytes(chipEphPublic, ephPublic))
    throw new IdCardError('SM_PROTOCOL', 'PACE: the chip echoed our key');
  let k: Uint8Array;
  try {
    k = sharedSecret(curve, ephKey, chipEphPublic);
  } catch (cause) {
    throw new IdCardError(
      'SM_PROTOCOL',
      'PACE: the chip ephemeral key is not a point on the curve',
      { cause },
    );
  }
  const cipher = sessionCipher(k, info.cipher);

  const tIfd = authenticationToken(cipher, info.oid, chipEphPublic);
  const tIc = need(
    await generalAuthenticate(channel, 'mutual authentication', 0x85, tIfd, true),
    0x86,
    'mutual authentication',
  );
  if (!equalBytes(tIc, authenticationToken(cipher, info.oid, ephPublic))) {
    throw new IdCardError('SM_MAC_INVALID', 'PACE: the chip authentication token does not verify');
  }
  return new SecureMessaging(cipher, new Uint8Array(cipher.blockSize));
}
