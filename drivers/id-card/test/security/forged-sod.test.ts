import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passiveAuthentication } from '../../src/index';
import {
  embeddedCertificateSubjects,
  ldsSecurityObject,
  OpensslCa,
  opensslDate,
  selfSigned,
  signSod,
  type IssuedCertificate,
  type SignOptions,
} from './openssl-pki';

/**
 * Issue 14 (outside review): EF.SOD forgeries built with the openssl CLI, never with our own
 * codecs. The chain must be checked on exactly the certificate the SignerInfo names
 * (ICAO 9303-11 §5.1, RFC 5652 §5.3), not on whichever certificate comes first.
 */

const CSCA_DN = '/C=VN/O=Kiosk Test/CN=VN TEST CSCA';
const DS_DN = '/C=VN/O=Kiosk Test/CN=VN TEST DOCUMENT SIGNER';
// A longer name, so DER's SET OF ordering puts the attacker's certificate after the genuine one.
const ATTACKER_DN =
  '/C=VN/O=Kiosk Test/OU=Not the issuing authority at all/CN=VN TEST DOCUMENT SIGNER';

/** Synthetic data groups chosen by the attacker (no real citizen). */
const FORGED_GROUPS = new Map<number, Uint8Array>([
  [1, Uint8Array.from(Buffer.from(`615b5f1f58${'3c'.repeat(88)}`, 'hex'))],
  [13, Uint8Array.from(Buffer.from('6d0a300802010104034e6775', 'hex'))],
]);

let work: string;
let trustDir: string;
let csca: OpensslCa;
let genuineDs: IssuedCertificate;
let attacker: IssuedCertificate;
let content: string;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sod(file: string, options: SignOptions): Uint8Array {
  return signSod(work, file, content, options);
}

/** Passive authentication against a CSCA folder (`null`: no folder given at all). */
function check(bytes: Uint8Array, cscaDir: string | null = trustDir) {
  return passiveAuthentication({
    sod: bytes,
    dataGroups: FORGED_GROUPS,
    ...(cscaDir === null ? {} : { cscaDir }),
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'forged-sod-'));
  csca = OpensslCa.create(work, 'csca', { subject: CSCA_DN, days: 3650 });
  genuineDs = csca.issue('genuine-ds', { subject: DS_DN });
  attacker = selfSigned(work, 'attacker', ATTACKER_DN);
  trustDir = join(work, 'trust');
  mkdirSync(trustDir);
  copyFileSync(join(work, csca.certificate.pem), join(trustDir, 'csca.pem'));
  content = ldsSecurityObject(
    work,
    'lso',
    new Map([...FORGED_GROUPS].map(([dg, bytes]) => [dg, sha256Hex(bytes)])),
  );
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('control: an EF.SOD made by openssl with the genuine document signer', () => {
  it.each([false, true])('is valid (signer by subjectKeyIdentifier: %s)', async (byKeyId) => {
    const bytes = sod(`genuine-${byKeyId}`, {
      signer: genuineDs,
      certificates: [genuineDs],
      bySubjectKeyIdentifier: byKeyId,
    });
    expect(await check(bytes)).toMatchObject({
      status: 'valid',
      signer: { subject: 'C=VN, O=Kiosk Test, CN=VN TEST DOCUMENT SIGNER' },
    });
  });
});

describe('a genuine DS certificate listed first, the attacker signing with his own', () => {
  it.each([false, true])('is not valid (signer by subjectKeyIdentifier: %s)', async (byKeyId) => {
    const file = `decoy-${byKeyId}`;
    const bytes = sod(file, {
      signer: attacker,
      certificates: [genuineDs, attacker],
      bySubjectKeyIdentifier: byKeyId,
    });
    // The forgery really lists the genuine certificate first.
    expect(embeddedCertificateSubjects(work, file)[0]).toContain('VN TEST DOCUMENT SIGNER');
    expect(embeddedCertificateSubjects(work, file)[0]).not.toContain('Not the issuing');
    const result = await check(bytes);
    expect(result.status).not.toBe('valid');
    expect(result).toMatchObject({
      status: 'unknown-issuer',
      reason: 'issuer-not-trusted',
      signer: { subject: expect.stringContaining('Not the issuing authority') },
    });
  });

  it('is invalid when the attacker has his certificate issued under the CSCA name', async () => {
    const lookAlike = OpensslCa.create(work, 'look-alike', {
      subject: CSCA_DN,
      days: 3650,
      firstSerial: '50',
    });
    const forged = lookAlike.issue('forged-ds', { subject: ATTACKER_DN });
    const bytes = sod('look-alike', { signer: forged, certificates: [genuineDs, forged] });
    expect(await check(bytes)).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-chain',
    });
  });

  it('is invalid when two embedded certificates answer the SignerInfo', async () => {
    // Same issuer name and serial as the genuine DS, different key.
    const lookAlike = OpensslCa.create(work, 'twin-ca', { subject: CSCA_DN, days: 3650 });
    const twin = lookAlike.issue('twin-ds', { subject: DS_DN });
    const bytes = sod('twin', { signer: twin, certificates: [genuineDs, twin] });
    expect(await check(bytes)).toMatchObject({
      status: 'invalid',
      failedCheck: 'signer-certificate',
    });
  });
});

describe('a SignerInfo naming a certificate the SignedData does not carry', () => {
  it.each([false, true])('is invalid (signer by subjectKeyIdentifier: %s)', async (byKeyId) => {
    const bytes = sod(`absent-${byKeyId}`, {
      signer: attacker,
      certificates: [genuineDs],
      bySubjectKeyIdentifier: byKeyId,
    });
    expect(await check(bytes)).toMatchObject({
      status: 'invalid',
      failedCheck: 'signer-certificate',
    });
  });
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A trust folder holding the given CA's certificate and, optionally, CRL files. */
function trustFolder(name: string, ca: OpensslCa, crls: readonly string[] = []): string {
  const dir = join(work, name);
  mkdirSync(dir);
  copyFileSync(join(work, ca.certificate.pem), join(dir, 'csca.pem'));
  for (const crl of crls) copyFileSync(join(work, crl), join(dir, crl.replace(/\//g, '-')));
  return dir;
}

describe('document signer certificate checks', () => {
  it.each(['ext_ds_no_key_usage', 'ext_ds_key_cert_sign'] as const)(
    'rejects a document signer whose keyUsage is not digitalSignature (%s)',
    async (extensions) => {
      const ds = csca.issue(`ds-${extensions}`, { subject: DS_DN, extensions });
      const bytes = sod(`key-usage-${extensions}`, { signer: ds, certificates: [ds] });
      expect(await check(bytes)).toMatchObject({ status: 'invalid', failedCheck: 'key-usage' });
    },
  );

  it('rejects a document signer that had expired when it signed', async () => {
    const ds = csca.issue('expired-ds', {
      subject: DS_DN,
      startDate: opensslDate(new Date(Date.now() - 400 * DAY)),
      endDate: opensslDate(new Date(Date.now() - 30 * DAY)),
    });
    const bytes = sod('expired', { signer: ds, certificates: [ds] });
    expect(await check(bytes)).toMatchObject({
      status: 'invalid',
      failedCheck: 'certificate-validity',
    });
  });

  it('rejects a document signer issued after its CSCA certificate had expired', async () => {
    const old = OpensslCa.create(work, 'old-csca', {
      subject: '/C=VN/O=Kiosk Test/CN=VN TEST CSCA OLD',
      startDate: opensslDate(new Date(Date.now() - 800 * DAY)),
      endDate: opensslDate(new Date(Date.now() - 400 * DAY)),
    });
    const ds = old.issue('late-ds', { subject: DS_DN });
    const bytes = sod('late', { signer: ds, certificates: [ds] });
    expect(await check(bytes, trustFolder('trust-old', old))).toMatchObject({
      status: 'invalid',
      failedCheck: 'csca-validity',
    });
  });

  it('accepts a document signer issued while its CSCA certificate was valid, though it has expired since', async () => {
    const retired = OpensslCa.create(work, 'retired-csca', {
      subject: '/C=VN/O=Kiosk Test/CN=VN TEST CSCA RETIRED',
      startDate: opensslDate(new Date(Date.now() - 800 * DAY)),
      endDate: opensslDate(new Date(Date.now() - HOUR)),
    });
    const ds = retired.issue('before-retirement-ds', {
      subject: DS_DN,
      startDate: opensslDate(new Date(Date.now() - 2 * DAY)),
      endDate: opensslDate(new Date(Date.now() + 365 * DAY)),
    });
    const bytes = sod('before-retirement', { signer: ds, certificates: [ds] });
    expect(await check(bytes, trustFolder('trust-retired', retired))).toMatchObject({
      status: 'valid',
    });
  });
});

describe('revocation lists in the CSCA folder', () => {
  it('rejects a document signer its CSCA has revoked, and names the check', async () => {
    const ca = OpensslCa.create(work, 'revoking-csca', {
      subject: '/C=VN/O=Kiosk Test/CN=VN TEST CSCA REVOKING',
      days: 3650,
    });
    const kept = ca.issue('kept-ds', { subject: DS_DN });
    const revoked = ca.issue('revoked-ds', { subject: DS_DN });
    ca.revoke(revoked);
    ca.crl('revoking.crl');
    const dir = trustFolder('trust-revoking', ca, ['revoking.crl']);
    const bad = sod('revoked', { signer: revoked, certificates: [revoked] });
    expect(await check(bad, dir)).toMatchObject({ status: 'invalid', failedCheck: 'revocation' });
    const good = sod('kept', { signer: kept, certificates: [kept] });
    expect(await check(good, dir)).toMatchObject({ status: 'valid' });
  });

  it('ignores a CRL that its CSCA did not sign', async () => {
    // A look-alike CA with the genuine CSCA's name "revokes" the genuine document signer.
    const lookAlike = OpensslCa.create(work, 'crl-forger', {
      subject: CSCA_DN,
      days: 3650,
      firstSerial: '70',
    });
    lookAlike.revoke(genuineDs);
    lookAlike.crl('forged.crl');
    const bytes = sod('genuine-forged-crl', { signer: genuineDs, certificates: [genuineDs] });
    const dir = trustFolder('trust-forged-crl', csca, ['forged.crl']);
    expect(await check(bytes, dir)).toMatchObject({ status: 'valid' });
  });
});

describe('no trust store', () => {
  const genuine = () => sod('genuine-no-store', { signer: genuineDs, certificates: [genuineDs] });

  it('is unknown-issuer with reason no-trust-store when no folder is given, the folder is missing or empty', async () => {
    const empty = join(work, 'trust-empty');
    mkdirSync(empty);
    for (const dir of [null, join(work, 'no-such-folder'), empty]) {
      expect(await check(genuine(), dir)).toMatchObject({
        status: 'unknown-issuer',
        reason: 'no-trust-store',
      });
    }
  });

  it('is unknown-issuer with reason trust-store-unreadable when a file in the folder does not parse', async () => {
    const dir = trustFolder('trust-broken', csca);
    writeFileSync(join(dir, 'broken.crl'), 'not a revocation list');
    expect(await check(genuine(), dir)).toMatchObject({
      status: 'unknown-issuer',
      reason: 'trust-store-unreadable',
      detail: expect.stringContaining('broken.crl'),
    });
  });
});
