/**
 * EF.SOD as a container (ICAO 9303-10 §4.6.2): tag 77 around a CMS ContentInfo (RFC 5652 §3)
 * whose content is a SignedData (§5.1) encapsulating the LDSSecurityObject (eContentType
 * 2.23.136.1.1.1) in an OCTET STRING. The DER is written here by hand (X.690); the SignedData
 * carries no signer, as parsing does not judge the signature.
 */
import { describe, expect, it } from 'vitest';
import { parseEfSod } from './ef-sod';
import { idCardFailure } from '../testing/id-card-failure';

function der(tag: number, ...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const value = parts.flatMap((p) => [...p]);
  const n = value.length;
  const length = n < 0x80 ? [n] : [0x81, n];
  return Uint8Array.from([tag, ...length, ...value]);
}
const oid = (...bytes: number[]) => der(0x06, bytes);
const SIGNED_DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
const DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01);
const LDS_SECURITY_OBJECT = oid(0x67, 0x81, 0x08, 0x01, 0x01, 0x01);
const CSCA_MASTER_LIST = oid(0x67, 0x81, 0x08, 0x01, 0x01, 0x02);
const SHA256 = oid(0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01);

/** LDSSecurityObject v0, SHA-256, one hash for DG1. */
const LSO = der(
  0x30,
  der(0x02, [0]),
  der(0x30, SHA256, [0x05, 0x00]),
  der(0x30, der(0x30, der(0x02, [1]), der(0x04, [0x11, 0x22]))),
);

/** SignedData v3 with no digest algorithm, certificate or signer; `encap` as given. */
const signedData = (...encap: Uint8Array[]) =>
  der(0x30, der(0x02, [3]), der(0x31), der(0x30, ...encap), der(0x31));
const contentInfo = (type: Uint8Array, content: Uint8Array) => der(0x30, type, der(0xa0, content));
const efSod = (...encap: Uint8Array[]) => der(0x77, contentInfo(SIGNED_DATA, signedData(...encap)));

describe('EF.SOD', () => {
  it('gives the signed LDS security object and its DER', () => {
    const sod = parseEfSod(efSod(LDS_SECURITY_OBJECT, der(0xa0, der(0x04, LSO))));
    expect(sod.content).toEqual(LSO);
    expect(sod.securityObject).toEqual({
      version: 0,
      hashAlgorithm: 'SHA-256',
      dataGroupHashes: new Map([[1, Uint8Array.of(0x11, 0x22)]]),
    });
    expect(sod.signedData.signerInfos).toEqual([]);
  });

  it.each([
    ['another outer tag', der(0x76, LSO), 'EF.SOD: starts with tag 76, not 77'],
    ['bytes that are not TLV', Uint8Array.of(0x77, 0x85), 'EF.SOD: not BER-TLV'],
    [
      'a ContentInfo of plain data',
      der(0x77, contentInfo(DATA, der(0x04, LSO))),
      'EF.SOD: content is not SignedData',
    ],
    [
      'a SignedData that does not parse',
      der(0x77, contentInfo(SIGNED_DATA, der(0x30, der(0x02, [3])))),
      'EF.SOD: CMS SignedData does not parse',
    ],
    [
      'a signed master list',
      efSod(CSCA_MASTER_LIST, der(0xa0, der(0x04, LSO))),
      'EF.SOD: signed content type 2.23.136.1.1.2',
    ],
    [
      'content that is not an OCTET STRING',
      efSod(LDS_SECURITY_OBJECT, der(0xa0, LSO)),
      'EF.SOD: no signed content (not an OCTET STRING)',
    ],
    [
      'detached content',
      efSod(LDS_SECURITY_OBJECT),
      'EF.SOD: no signed content (not an OCTET STRING)',
    ],
  ])('refuses %s', (_, bytes, message) => {
    const error = idCardFailure(() => parseEfSod(bytes));
    expect([error.code, error.message]).toEqual(['SOD_MALFORMED', message]);
  });

  it('keeps the reason when the bytes inside tag 77 are not TLV or not DER', () => {
    expect(idCardFailure(() => parseEfSod(Uint8Array.of(0x77, 0x85))).cause).toMatchObject({
      code: 'TLV_MALFORMED',
    });
    const notDer = idCardFailure(() => parseEfSod(Uint8Array.of(0x77, 0x03, 0x30, 0x05, 0x02)));
    expect(notDer.message).toMatch(/^EF\.SOD: ASN\.1 error: ./);
    const unparsed = idCardFailure(() =>
      parseEfSod(der(0x77, contentInfo(SIGNED_DATA, der(0x30, der(0x02, [3]))))),
    );
    expect(unparsed.cause).toBeInstanceOf(Error);
  });
});
