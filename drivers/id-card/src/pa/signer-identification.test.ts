/**
 * Which certificate a SignerInfo names (RFC 5652 §5.3): SignerIdentifier ::= CHOICE {
 * issuerAndSerialNumber, subjectKeyIdentifier [0] }. A key identifier is the certificate's
 * subjectKeyIdentifier extension, or without one the SHA-1 of its public key bits (RFC 5280
 * §4.2.1.2 method 1, computed here with node:crypto over the key WebCrypto exports). ICAO
 * 9303-10 §4.6.2 has one SignerInfo, and the named certificate must be there exactly once.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { identifySigner } from './signer-identification';

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2027-01-01T00:00:00Z'),
};
const EXPLICIT_KEY_ID = '0102030405060708';

let csca: IssuedCertificate;
/** A document signer without subjectKeyIdentifier, serial 0b. */
let plain: IssuedCertificate;
/** A document signer with keyUsage, then subjectKeyIdentifier 0102030405060708, serial 0c. */
let withKeyId: IssuedCertificate;
/** Another key under the same name and serial as `plain`. */
let twin: IssuedCertificate;

beforeAll(async () => {
  csca = await datedCsca('C=VN, O=Kiosk Test, CN=VN SID CSCA', VALIDITY);
  plain = await datedDocumentSigner(csca, VALIDITY);
  withKeyId = await datedDocumentSigner(csca, {
    ...VALIDITY,
    serialNumber: '0c',
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.SubjectKeyIdentifierExtension(EXPLICIT_KEY_ID),
    ],
  });
  twin = await datedDocumentSigner(csca, VALIDITY);
});

const pkijsCertificate = (issued: IssuedCertificate) =>
  pkijs.Certificate.fromBER(issued.certificate.rawData);

async function sha1OfKey(issued: IssuedCertificate): Promise<Uint8Array> {
  const point = await webcrypto.subtle.exportKey('raw', issued.keys.publicKey);
  return new Uint8Array(createHash('sha1').update(new Uint8Array(point)).digest());
}

const byIssuerAndSerial = (issued: IssuedCertificate) => {
  const certificate = pkijsCertificate(issued);
  return new pkijs.IssuerAndSerialNumber({
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
  });
};
/** [0] as pkijs writes it (constructed, around an OCTET STRING) and as DER has it (implicit). */
const constructedKeyId = (keyId: Uint8Array) =>
  new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 0 },
    value: [new asn1js.OctetString({ valueHex: keyId })],
  });
const implicitKeyId = (keyId: Uint8Array) =>
  new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId });

function signedData(
  sid: unknown,
  certificates: pkijs.SignedData['certificates'],
  signers = 1,
): pkijs.SignedData {
  return new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '2.23.136.1.1.1' }),
    signerInfos: Array.from({ length: signers }, () => new pkijs.SignerInfo({ version: 1, sid })),
    ...(certificates ? { certificates } : {}),
  });
}

const serialOf = (found: ReturnType<typeof identifySigner>) =>
  found.status === 'found' ? found.certificate.serialNumber.valueBlock.valueDec : undefined;

describe('the certificate a SignerInfo names', () => {
  it('is found by issuer and serial number among other certificates', () => {
    const found = identifySigner(
      signedData(byIssuerAndSerial(withKeyId), [
        pkijsCertificate(plain),
        pkijsCertificate(withKeyId),
      ]),
    );
    expect(found).toMatchObject({ status: 'found', identifiedBy: 'issuer-and-serial-number' });
    expect(serialOf(found)).toBe(0x0c);
  });

  it('is not a certificate with the same serial from another issuer, or the same issuer and another serial', async () => {
    const otherCa = await datedCsca('C=VN, O=Kiosk Test, CN=VN OTHER SID CSCA', VALIDITY);
    const sameSerial = await datedDocumentSigner(otherCa, VALIDITY);
    for (const sid of [byIssuerAndSerial(sameSerial), byIssuerAndSerial(withKeyId)])
      expect(identifySigner(signedData(sid, [pkijsCertificate(plain)]))).toEqual({
        status: 'failed',
        failedCheck: 'signer-certificate',
        detail: 'EF.SOD does not carry the certificate its SignerInfo names',
      });
  });

  it('is found by the SHA-1 of its key when it has no subjectKeyIdentifier, in either [0] form', async () => {
    const keyId = await sha1OfKey(plain);
    for (const sid of [constructedKeyId(keyId), implicitKeyId(keyId)]) {
      const found = identifySigner(
        signedData(sid, [pkijsCertificate(withKeyId), pkijsCertificate(plain)]),
      );
      expect(found).toMatchObject({ status: 'found', identifiedBy: 'subject-key-identifier' });
      expect(serialOf(found)).toBe(0x0b);
    }
  });

  it('is found by its subjectKeyIdentifier extension, and then not by the SHA-1 of its key', async () => {
    const explicit = Buffer.from(EXPLICIT_KEY_ID, 'hex');
    const found = identifySigner(
      signedData(implicitKeyId(explicit), [pkijsCertificate(withKeyId)]),
    );
    expect(serialOf(found)).toBe(0x0c);
    const bySha1 = implicitKeyId(await sha1OfKey(withKeyId));
    expect(identifySigner(signedData(bySha1, [pkijsCertificate(withKeyId)]))).toMatchObject({
      status: 'failed',
      failedCheck: 'signer-certificate',
    });
  });

  it('is no certificate for an empty key identifier, even one whose extension is empty', async () => {
    const empty = await datedDocumentSigner(csca, {
      ...VALIDITY,
      extensions: [new x509.SubjectKeyIdentifierExtension('')],
    });
    const found = identifySigner(
      signedData(implicitKeyId(new Uint8Array(0)), [pkijsCertificate(empty)]),
    );
    expect(found).toMatchObject({ status: 'failed', failedCheck: 'signer-certificate' });
  });

  it('is no certificate when the [0] holds no OCTET STRING', async () => {
    const sid = new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 0 },
      value: [new asn1js.Integer({ value: 1 })],
    });
    expect(identifySigner(signedData(sid, [pkijsCertificate(plain)]))).toMatchObject({
      status: 'failed',
      failedCheck: 'signer-certificate',
    });
  });

  it('passes over entries of the bag that are not X.509 certificates', () => {
    const other = new pkijs.OtherCertificateFormat({
      otherCertFormat: '1.2.3.4',
      otherCert: new asn1js.Null(),
    });
    const found = identifySigner(
      signedData(byIssuerAndSerial(plain), [other, pkijsCertificate(plain)]),
    );
    expect(serialOf(found)).toBe(0x0b);
  });
});

describe('how many certificates and signers EF.SOD may have', () => {
  it('counts the same certificate carried twice once', () => {
    const found = identifySigner(
      signedData(byIssuerAndSerial(plain), [pkijsCertificate(plain), pkijsCertificate(plain)]),
    );
    expect(found.status).toBe('found');
  });

  it('refuses two different certificates that answer the SignerInfo', () => {
    expect(
      identifySigner(
        signedData(byIssuerAndSerial(plain), [pkijsCertificate(plain), pkijsCertificate(twin)]),
      ),
    ).toEqual({
      status: 'failed',
      failedCheck: 'signer-certificate',
      detail: '2 different certificates in EF.SOD answer its SignerInfo',
    });
  });

  it('refuses a SignedData without certificates', () => {
    expect(identifySigner(signedData(byIssuerAndSerial(plain), undefined))).toMatchObject({
      status: 'failed',
      detail: 'EF.SOD does not carry the certificate its SignerInfo names',
    });
  });

  it.each([0, 2])('refuses %i SignerInfos', (count) => {
    expect(
      identifySigner(signedData(byIssuerAndSerial(plain), [pkijsCertificate(plain)], count)),
    ).toEqual({
      status: 'failed',
      failedCheck: 'sod-format',
      detail: `EF.SOD has ${count} SignerInfos, not exactly one`,
    });
  });
});
