/**
 * Certificates of a CSCA file, PEM (RFC 7468: every CERTIFICATE block, whatever lies between)
 * or one DER certificate, and whether a certificate is a certification authority (RFC 5280
 * §4.2.1.9 basicConstraints cA, ICAO 9303-12 §7.1).
 */
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { isCertificateAuthority, parseCertificates } from './trust-anchors';

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2035-01-01T00:00:00Z'),
};
let csca: IssuedCertificate;
let signer: IssuedCertificate;

beforeAll(async () => {
  csca = await datedCsca('C=VN, O=Kiosk Test, CN=VN ANCHOR CSCA', VALIDITY);
  signer = await datedDocumentSigner(csca, VALIDITY);
});

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const serials = (certificates: x509.X509Certificate[]) => certificates.map((c) => c.serialNumber);

describe('the certificates of a file', () => {
  it('are every PEM block, with text and other blocks between them', () => {
    const text = [
      'Bag Attributes: VN ANCHOR CSCA',
      csca.certificate.toString('pem'),
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
      signer.certificate.toString('pem'),
      '',
    ].join('\n');
    expect(serials(parseCertificates(latin1(text)))).toEqual(['01', '0b']);
  });

  it('are the one DER certificate of a binary file', () => {
    expect(serials(parseCertificates(new Uint8Array(signer.certificate.rawData)))).toEqual(['0b']);
  });

  it('are none when a PEM block never ends, and an error for bytes that are no certificate', () => {
    expect(parseCertificates(latin1('-----BEGIN CERTIFICATE-----\nMIIB\n'))).toEqual([]);
    expect(() => parseCertificates(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00))).toThrow();
  });
});

describe('a certification authority', () => {
  it('is a certificate whose basicConstraints say cA', async () => {
    expect(isCertificateAuthority(csca.certificate)).toBe(true);
    expect(isCertificateAuthority(signer.certificate)).toBe(false);
    const notCa = await datedDocumentSigner(csca, {
      ...VALIDITY,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
    });
    expect(isCertificateAuthority(notCa.certificate)).toBe(false);
  });
});
