/**
 * The certificate checks of passive authentication, one at a time, on certificates made here
 * with chosen dates: the document signer may sign (keyUsage digitalSignature, ICAO 9303-12
 * §7.1.1), was valid at the signing time (RFC 5280 §4.1.2.5: both ends of the validity belong
 * to it), and was issued while its CSCA certificate was valid.
 */
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import {
  checkDocumentSignerKeyUsage,
  checkIssuedWhileValid,
  checkValidAt,
} from './certificate-checks';

const SECOND = 1_000;
const CSCA_FROM = new Date('2024-01-01T00:00:00Z');
const CSCA_TO = new Date('2034-01-01T00:00:00Z');
const DS_FROM = new Date('2025-03-01T08:00:00Z');
const DS_TO = new Date('2026-03-01T08:00:00Z');
const shifted = (date: Date, ms: number) => new Date(date.getTime() + ms);

let csca: IssuedCertificate;
let ds: x509.X509Certificate;

beforeAll(async () => {
  csca = await datedCsca('C=VN, O=Kiosk Test, CN=VN DATED CSCA', {
    notBefore: CSCA_FROM,
    notAfter: CSCA_TO,
  });
  ds = (await datedDocumentSigner(csca, { notBefore: DS_FROM, notAfter: DS_TO })).certificate;
});

const signerFrom = async (notBefore: Date) =>
  (await datedDocumentSigner(csca, { notBefore, notAfter: shifted(notBefore, 86_400_000) }))
    .certificate;

describe('the document signer’s keyUsage', () => {
  it('allows a key for digitalSignature, with other usages beside', async () => {
    expect(checkDocumentSignerKeyUsage(ds)).toBeUndefined();
    const both = await datedDocumentSigner(csca, {
      notBefore: DS_FROM,
      notAfter: DS_TO,
      extensions: [
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        ),
      ],
    });
    expect(checkDocumentSignerKeyUsage(both.certificate)).toBeUndefined();
  });

  it('refuses a certificate without keyUsage, or one that may only sign certificates', async () => {
    const none = await datedDocumentSigner(csca, {
      notBefore: DS_FROM,
      notAfter: DS_TO,
      extensions: [],
    });
    expect(checkDocumentSignerKeyUsage(none.certificate)).toEqual({
      failedCheck: 'key-usage',
      detail: 'the document signer certificate has no keyUsage',
    });
    const certSign = await datedDocumentSigner(csca, {
      notBefore: DS_FROM,
      notAfter: DS_TO,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    });
    expect(checkDocumentSignerKeyUsage(certSign.certificate)).toEqual({
      failedCheck: 'key-usage',
      detail: 'the document signer certificate does not allow digitalSignature',
    });
  });
});

describe('the document signer’s validity at the signing time', () => {
  it('holds from notBefore to notAfter, both included', () => {
    expect(checkValidAt(ds, DS_FROM)).toBeUndefined();
    expect(checkValidAt(ds, DS_TO)).toBeUndefined();
  });

  it('fails one second before notBefore and one second after notAfter, saying when', () => {
    const early = shifted(DS_FROM, -SECOND);
    expect(checkValidAt(ds, early)).toEqual({
      failedCheck: 'certificate-validity',
      detail:
        'the document signer certificate (2025-03-01T08:00:00.000Z to 2026-03-01T08:00:00.000Z) ' +
        'was not valid at 2025-03-01T07:59:59.000Z',
    });
    expect(checkValidAt(ds, shifted(DS_TO, SECOND))).toMatchObject({
      failedCheck: 'certificate-validity',
    });
  });
});

describe('the CSCA’s validity when it issued the document signer', () => {
  it('holds for a signer issued on the CSCA’s first or last second', async () => {
    expect(checkIssuedWhileValid(await signerFrom(CSCA_FROM), csca.certificate)).toBeUndefined();
    expect(checkIssuedWhileValid(await signerFrom(CSCA_TO), csca.certificate)).toBeUndefined();
  });

  it('fails for a signer issued one second before the CSCA or after it expired', async () => {
    const before = await signerFrom(shifted(CSCA_FROM, -SECOND));
    expect(checkIssuedWhileValid(before, csca.certificate)).toEqual({
      failedCheck: 'csca-validity',
      detail:
        'the CSCA certificate (2024-01-01T00:00:00.000Z to 2034-01-01T00:00:00.000Z) was not ' +
        'valid when it issued the document signer certificate (2023-12-31T23:59:59.000Z)',
    });
    const after = await signerFrom(shifted(CSCA_TO, SECOND));
    expect(checkIssuedWhileValid(after, csca.certificate)).toMatchObject({
      failedCheck: 'csca-validity',
    });
  });
});
