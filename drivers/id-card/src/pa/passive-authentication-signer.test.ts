/**
 * Passive authentication (ICAO 9303-11 §5.1) of EF.SODs signed here with chosen certificates,
 * dates and signed attributes: the signing time the document signer claims (RFC 5652 §11.3) is
 * the time its certificate is judged at, the signer may be named by key identifier (RFC 5652
 * §5.3), and the CSCA must have been valid when it issued the signer (ICAO 9303-12 §7.1).
 */
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { ldsSecurityObject, signSod, type SignedCmsOptions } from '../testing/signed-cms';
import { passiveAuthentication } from './passive-authentication';

const CSCA_NAME = 'C=VN, O=Kiosk Test, CN=VN SIGNER CSCA';
const DS_FROM = new Date('2025-01-01T00:00:00Z');
const DS_TO = new Date('2027-01-01T00:00:00Z');
const SIGNED_AT = new Date('2026-02-03T04:05:06Z');
const LONG_AFTER = new Date('2031-01-01T00:00:00Z');
const GROUPS = new Map([
  [13, Uint8Array.of(0x6d, 0x02, 0x30, 0x00)],
  [1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)],
]);

let csca: IssuedCertificate;
let ds: IssuedCertificate;

beforeAll(async () => {
  csca = await datedCsca(CSCA_NAME, {
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  });
  ds = await datedDocumentSigner(csca, { notBefore: DS_FROM, notAfter: DS_TO });
});

const sod = (options: Partial<Omit<SignedCmsOptions, 'content'>> = {}) =>
  signSod(ldsSecurityObject(GROUPS), { signer: ds, signingTime: SIGNED_AT, ...options });
const authenticate = async (
  bytes: Uint8Array | Promise<Uint8Array>,
  cscas = [csca.certificate],
  now = LONG_AFTER,
) => passiveAuthentication({ sod: await bytes, dataGroups: GROUPS, csca: cscas, now });

describe('the document signer of EF.SOD', () => {
  it('is reported with the signing time it claims, and the data groups in order', async () => {
    expect(await authenticate(sod())).toEqual({
      status: 'valid',
      signer: {
        subject: ds.certificate.subject,
        issuer: CSCA_NAME,
        serialNumber: '0b',
        identifiedBy: 'issuer-and-serial-number',
        signingTime: SIGNED_AT,
      },
      dataGroups: [1, 13],
    });
  });

  it('is judged at its signing time, not at the clock, when it gives one', async () => {
    expect((await authenticate(sod(), [csca.certificate], LONG_AFTER)).status).toBe('valid');
    const late = await authenticate(
      sod({ signingTime: new Date('2027-01-01T00:00:01Z') }),
      [csca.certificate],
      SIGNED_AT,
    );
    expect(late).toMatchObject({ status: 'invalid', failedCheck: 'certificate-validity' });
  });

  it('is judged at the clock when it gives no signing time, and reports none', async () => {
    const unsigned = await sod({ signingTime: undefined });
    const result = await authenticate(unsigned, [csca.certificate], SIGNED_AT);
    expect(result.status === 'valid' && 'signingTime' in result.signer).toBe(false);
    expect(result.status).toBe('valid');
    expect(await authenticate(unsigned, [csca.certificate], LONG_AFTER)).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-validity',
    });
  });

  it('makes EF.SOD malformed when its signing time has two values', async () => {
    expect(await authenticate(sod({ signingTime: [SIGNED_AT, DS_FROM] }))).toEqual({
      status: 'invalid',
      failedCheck: 'sod-format',
      detail: 'signingTime must appear once, with one value',
    });
  });

  it('may be named by the SHA-1 of its key, and its signature is then verified', async () => {
    expect(await authenticate(sod({ bySubjectKeyIdentifier: true }))).toMatchObject({
      status: 'valid',
      signer: { identifiedBy: 'subject-key-identifier', serialNumber: '0b' },
    });
  });

  it('is accepted for an EF.SOD it signed while valid, though it has expired since', async () => {
    const retired = await datedDocumentSigner(csca, {
      notBefore: new Date('2021-01-01T00:00:00Z'),
      notAfter: new Date('2021-04-01T00:00:00Z'),
    });
    const signingTime = new Date('2021-02-01T00:00:00Z');
    expect(await authenticate(sod({ signer: retired, signingTime }))).toMatchObject({
      status: 'valid',
      signer: { signingTime },
    });
  });

  it('makes passive authentication invalid, not throw, when an extension of its certificate does not parse', async () => {
    // keyUsage must be a BIT STRING (RFC 5280 §4.2.1.3); this CSCA issued an OCTET STRING.
    const broken = await datedDocumentSigner(csca, {
      notBefore: DS_FROM,
      notAfter: DS_TO,
      extensions: [new x509.Extension('2.5.29.15', true, Uint8Array.of(0x04, 0x01, 0x80))],
    });
    expect(await authenticate(sod({ signer: broken }))).toMatchObject({
      status: 'invalid',
      failedCheck: 'signer-certificate',
      detail: expect.stringMatching(/^the document signer certificate does not parse: ./),
    });
  });

  it('must have a key that may sign', async () => {
    const noUsage = await datedDocumentSigner(csca, {
      notBefore: DS_FROM,
      notAfter: DS_TO,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    });
    expect(await authenticate(sod({ signer: noUsage }))).toMatchObject({
      status: 'invalid',
      failedCheck: 'key-usage',
    });
  });
});

describe('the CSCA of the document signer', () => {
  it('must have been valid when it issued the signer', async () => {
    const younger = await datedCsca(CSCA_NAME, {
      notBefore: new Date('2025-06-01T00:00:00Z'),
      notAfter: new Date('2040-01-01T00:00:00Z'),
    });
    const early = await datedDocumentSigner(younger, { notBefore: DS_FROM, notAfter: DS_TO });
    expect(await authenticate(sod({ signer: early }), [younger.certificate])).toMatchObject({
      status: 'invalid',
      failedCheck: 'csca-validity',
    });
  });

  it('is the one of that name whose key signed the signer', async () => {
    const lookalike = await datedCsca(CSCA_NAME, {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2040-01-01T00:00:00Z'),
    });
    expect(await authenticate(sod(), [lookalike.certificate])).toEqual({
      status: 'invalid',
      failedCheck: 'certificate-chain',
      detail: 'the document signer certificate is not signed by its CSCA',
    });
    const both = [lookalike.certificate, csca.certificate];
    expect((await authenticate(sod(), both)).status).toBe('valid');
  });

  it('leaves the issuer unknown when no CSCA of its name is trusted, or none at all', async () => {
    const other = await datedCsca('C=VN, O=Kiosk Test, CN=VN UNRELATED CSCA', {
      notBefore: DS_FROM,
      notAfter: DS_TO,
    });
    expect(await authenticate(sod(), [other.certificate])).toMatchObject({
      status: 'unknown-issuer',
      reason: 'issuer-not-trusted',
      detail: `no trusted CSCA is named ${CSCA_NAME}`,
      signer: { serialNumber: '0b' },
      dataGroups: [1, 13],
    });
    expect(await authenticate(sod(), [])).toMatchObject({
      status: 'unknown-issuer',
      reason: 'no-trust-store',
      detail: 'no CSCA certificate is installed',
    });
  });
});
