/**
 * The LDSSecurityObject EF.SOD signs (ICAO 9303-10 §4.6.2.2): SEQUENCE { version, hashAlgorithm,
 * SEQUENCE OF DataGroupHash { dataGroupNumber 1..16, OCTET STRING } }, with the hash algorithm
 * OIDs of RFC 3279 (SHA-1) and RFC 5754 (SHA-2). The DER is written here by hand (X.690).
 */
import { describe, expect, it } from 'vitest';
import { hashOidFor, parseLdsSecurityObject } from './ef-sod';
import { idCardFailure } from '../testing/id-card-failure';

function der(tag: number, ...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const value = parts.flatMap((p) => [...p]);
  const n = value.length;
  const length = n < 0x80 ? [n] : [0x81, n];
  return Uint8Array.from([tag, ...length, ...value]);
}
const integer = (n: number) => der(0x02, [n]);
const octets = (...bytes: number[]) => der(0x04, bytes);
const NULL = [0x05, 0x00];

/** DER of each hash algorithm OID, with the name Node's crypto knows it by. */
const HASH_OIDS: [string, string, number[]][] = [
  ['1.3.14.3.2.26', 'SHA-1', [0x2b, 0x0e, 0x03, 0x02, 0x1a]],
  ['2.16.840.1.101.3.4.2.4', 'SHA-224', [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04]],
  ['2.16.840.1.101.3.4.2.1', 'SHA-256', [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]],
  ['2.16.840.1.101.3.4.2.2', 'SHA-384', [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]],
  ['2.16.840.1.101.3.4.2.3', 'SHA-512', [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03]],
];
const SHA256 = der(0x30, der(0x06, HASH_OIDS[2]?.[2] ?? []), NULL);
const MD5 = der(0x30, der(0x06, [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05]), NULL);

const dataGroupHash = (dg: number, ...hash: number[]) => der(0x30, integer(dg), octets(...hash));
const securityObject = (algorithm: Uint8Array, ...hashes: Uint8Array[]) =>
  der(0x30, integer(0), algorithm, der(0x30, ...hashes));

describe('the LDS security object', () => {
  it('reads the version, the hash algorithm and the hash of data groups 1 to 16', () => {
    const parsed = parseLdsSecurityObject(
      securityObject(SHA256, dataGroupHash(1, 0xaa, 0xbb), dataGroupHash(16, 0xcc)),
    );
    expect(parsed).toEqual({
      version: 0,
      hashAlgorithm: 'SHA-256',
      dataGroupHashes: new Map([
        [1, Uint8Array.of(0xaa, 0xbb)],
        [16, Uint8Array.of(0xcc)],
      ]),
    });
  });

  it.each(HASH_OIDS)('names the hash algorithm %s %s', (oid, name, oidDer) => {
    const algorithm = der(0x30, der(0x06, oidDer), NULL);
    expect(parseLdsSecurityObject(securityObject(algorithm)).hashAlgorithm).toBe(name);
    expect(hashOidFor(name)).toBe(oid);
  });

  it('has no OID for a hash it does not support', () => {
    expect(() => hashOidFor('MD5')).toThrow(new RangeError('no OID for MD5'));
  });

  it.each([
    ['bytes that are not DER', Uint8Array.of(0x30, 0x05, 0x02), /^EF\.SOD: ASN\.1 error: /],
    ['a SET', der(0x31, integer(0)), /^EF\.SOD: LDSSecurityObject is not a SEQUENCE$/],
    [
      'fields of the wrong types',
      der(0x30, octets(0), SHA256, der(0x30)),
      /^EF\.SOD: LDSSecurityObject fields have the wrong types$/,
    ],
    [
      'a hash algorithm without OID',
      securityObject(der(0x30, NULL)),
      /^EF\.SOD: hash algorithm has no OID$/,
    ],
    [
      'MD5',
      securityObject(MD5),
      /^EF\.SOD: hash algorithm 1\.2\.840\.113549\.2\.5 is not supported$/,
    ],
    [
      'a DataGroupHash that is not a SEQUENCE',
      securityObject(SHA256, integer(1)),
      /^EF\.SOD: DataGroupHash is not a SEQUENCE$/,
    ],
    [
      'a DataGroupHash with fields of the wrong types',
      securityObject(SHA256, der(0x30, octets(1), integer(1))),
      /^EF\.SOD: DataGroupHash fields have the wrong types$/,
    ],
    [
      'data group 0',
      securityObject(SHA256, dataGroupHash(0, 1)),
      /^EF\.SOD: hash for data group 0$/,
    ],
    [
      'data group 17',
      securityObject(SHA256, dataGroupHash(17, 1)),
      /^EF\.SOD: hash for data group 17$/,
    ],
  ])('refuses %s', (_, bytes, message) => {
    const error = idCardFailure(() => parseLdsSecurityObject(bytes));
    expect(error.code).toBe('SOD_MALFORMED');
    expect(error.message).toMatch(message);
  });
});
