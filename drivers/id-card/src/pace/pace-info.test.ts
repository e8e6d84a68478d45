import { describe, expect, it } from 'vitest';
import {
  ID_PACE,
  decodeOid,
  encodeOid,
  paceOid,
  parseCardAccess,
  type PaceMapping,
} from './pace-info';
import { curveForParameterId, supportsParameterId } from './pace-curves';
import { decryptNonce, encryptNonce, passwordKey } from './pace-math';
import { fromHex, hex } from '../util/bytes';
import { idCardFailure } from '../testing/id-card-failure';

/** id-PACE-ECDH-GM-AES-CBC-CMAC-128 (BSI TR-03110-3 A.1.1.1), as in ICAO 9303 appendix G.1. */
const PACE_ECDH_GM_AES128 = '0.4.0.127.0.7.2.2.4.2.2';

function der(tag: number, value: readonly number[] | Uint8Array): number[] {
  const bytes = [...value];
  return [tag, bytes.length, ...bytes];
}
const securityInfo = (oid: string, ...rest: number[][]) =>
  der(0x30, [...der(0x06, encodeOid(oid)), ...rest.flat()]);
const cardAccess = (...infos: number[][]) => Uint8Array.from(der(0x31, infos.flat()));

describe('object identifiers (X.690 §8.19)', () => {
  it('encodes and decodes id-PACE and arcs above 127', () => {
    expect(hex(encodeOid(PACE_ECDH_GM_AES128))).toBe('04007F00070202040202');
    expect(decodeOid(fromHex('04007F00070202040202'))).toBe(PACE_ECDH_GM_AES128);
    expect(hex(encodeOid('1.2.840.113549'))).toBe('2A864886F70D');
    expect(decodeOid(fromHex('2A864886F70D'))).toBe('1.2.840.113549');
    expect(decodeOid(fromHex('8837'))).toBe('2.999');
    expect(ID_PACE).toBe('0.4.0.127.0.7.2.2.4');
  });

  it('names the ECDH-GM OID of each cipher', () => {
    expect(paceOid('ECDH-GM', 'AES-128')).toBe(PACE_ECDH_GM_AES128);
    expect(paceOid('ECDH-GM', '3DES')).toBe('0.4.0.127.0.7.2.2.4.2.1');
    expect(paceOid('ECDH-GM', 'AES-256')).toBe('0.4.0.127.0.7.2.2.4.2.4');
  });

  it('names the other mappings by their arcs in ICAO 9303-11 §9.2.1', () => {
    expect(paceOid('DH-GM', '3DES')).toBe('0.4.0.127.0.7.2.2.4.1.1');
    expect(paceOid('DH-IM', 'AES-192')).toBe('0.4.0.127.0.7.2.2.4.3.3');
    expect(paceOid('ECDH-IM', 'AES-128')).toBe('0.4.0.127.0.7.2.2.4.4.2');
    expect(paceOid('ECDH-CAM', 'AES-256')).toBe('0.4.0.127.0.7.2.2.4.6.4');
  });

  it('refuses a mapping it has no arc for instead of inventing one', () => {
    expect(() => paceOid('ECDH-XX' as PaceMapping, 'AES-128')).toThrow(
      'PACE has no OID arc for ECDH-XX',
    );
  });
});

describe('EF.CardAccess', () => {
  it('reads version, parameter ID, mapping and cipher of each PACEInfo', () => {
    const infos = parseCardAccess(
      cardAccess(
        securityInfo('0.4.0.127.0.7.2.2.4.1.1', der(0x02, [2])),
        securityInfo('0.4.0.127.0.7.2.2.4.3.3', der(0x02, [2]), der(0x02, [0x0d])),
        securityInfo('0.4.0.127.0.7.2.2.4.4.4', der(0x02, [1, 0]), der(0x02, [0x12])),
        securityInfo('0.4.0.127.0.7.2.2.4.6.2', der(0x02, [2]), der(0x04, [0x0d])),
      ),
    );
    expect(infos).toEqual([
      {
        oid: '0.4.0.127.0.7.2.2.4.1.1',
        version: 2,
        parameterId: undefined,
        mapping: 'DH-GM',
        cipher: '3DES',
      },
      {
        oid: '0.4.0.127.0.7.2.2.4.3.3',
        version: 2,
        parameterId: 13,
        mapping: 'DH-IM',
        cipher: 'AES-192',
      },
      {
        oid: '0.4.0.127.0.7.2.2.4.4.4',
        version: 256,
        parameterId: 18,
        mapping: 'ECDH-IM',
        cipher: 'AES-256',
      },
      {
        oid: '0.4.0.127.0.7.2.2.4.6.2',
        version: 2,
        parameterId: undefined,
        mapping: 'ECDH-CAM',
        cipher: 'AES-128',
      },
    ]);
  });

  it('skips other SecurityInfos, unknown PACE OIDs and malformed entries', () => {
    const infos = parseCardAccess(
      cardAccess(
        der(0x04, [1]),
        securityInfo('0.4.0.127.0.7.2.2.3.2.1', der(0x02, [1])), // chip authentication
        securityInfo('0.4.0.127.0.7.2.2.40.2.2', der(0x02, [2])), // not under id-PACE.
        securityInfo('0.4.0.127.0.7.2.2.4.5.2', der(0x02, [2])), // mapping 5 is not defined
        securityInfo('0.4.0.127.0.7.2.2.4.2.9', der(0x02, [2])), // cipher 9 is not defined
        securityInfo(PACE_ECDH_GM_AES128, der(0x04, [2])), // version not an INTEGER
        der(0x30, [...der(0x02, [1]), ...der(0x02, [2])]), // no OID
        securityInfo(PACE_ECDH_GM_AES128, der(0x02, [2]), der(0x02, [0x0c])),
      ),
    );
    expect(infos.map((i) => [i.mapping, i.cipher, i.parameterId])).toEqual([
      ['ECDH-GM', 'AES-128', 12],
    ]);
  });

  it('refuses bytes that are not BER-TLV, or not a SET', () => {
    const notTlv = idCardFailure(() => parseCardAccess(Uint8Array.of(0x31, 0x85)));
    expect([notTlv.code, notTlv.message]).toEqual([
      'LDS_MALFORMED',
      'EF.CardAccess is not BER-TLV',
    ]);
    expect(notTlv.cause).toBeInstanceOf(Error);
    const notSet = idCardFailure(() => parseCardAccess(Uint8Array.from(der(0x30, []))));
    expect([notSet.code, notSet.message]).toEqual(['LDS_MALFORMED', 'EF.CardAccess is not a SET']);
  });
});

describe('PACE domain parameters (ICAO 9303 Part 11 §9.5.1, table 9)', () => {
  it('supports the elliptic standardized parameters 12, 13, 15–18 only', () => {
    const supported = Array.from({ length: 20 }, (_, i) => i).filter(supportsParameterId);
    expect(supported).toEqual([12, 13, 15, 16, 17, 18]);
    expect(supportsParameterId(undefined)).toBe(false);
    expect(curveForParameterId(12).Point.Fp.BYTES).toBe(32);
    expect(curveForParameterId(17).Point.Fp.BYTES).toBe(64);
    expect(curveForParameterId(18).Point.Fp.BYTES).toBe(66);
  });

  it('refuses the others with PACE_UNSUPPORTED, naming them', () => {
    expect(idCardFailure(() => curveForParameterId(14)).message).toBe(
      'PACE domain parameters 14 are not supported',
    );
    expect(idCardFailure(() => curveForParameterId(undefined)).code).toBe('PACE_UNSUPPORTED');
  });
});

describe('nonce encryption', () => {
  it('decrypts what it encrypts, for 3DES and AES, with a zero IV', () => {
    const password = fromHex('7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD');
    for (const cipher of ['3DES', 'AES-128'] as const) {
      const kPi = passwordKey(password, cipher);
      const s = fromHex('3F00C4D39D153F2B2A214A078D899B22');
      expect(hex(decryptNonce(kPi, cipher, encryptNonce(kPi, cipher, s)))).toBe(hex(s));
    }
    // ICAO 9303 Part 11 appendix G.1: K_pi and the encrypted nonce z decrypt to s.
    const kPi = passwordKey(password, 'AES-128');
    expect(hex(encryptNonce(kPi, 'AES-128', fromHex('3F00C4D39D153F2B2A214A078D899B22')))).toBe(
      '95A3A016522EE98D01E76CB6B98B42C3',
    );
  });
});
