/**
 * Where passive authentication takes its CSCAs and CRLs from: the certificates and CRLs it is
 * given and those of the CSCA folder, together (ICAO 9303-12 §7.1). A CRL revokes the signer
 * from either place; a CSCA from either place can vouch for it.
 */
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { ldsSecurityObject, signSod } from '../testing/signed-cms';
import { passiveAuthentication, type PassiveAuthenticationInput } from './passive-authentication';

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2030-01-01T00:00:00Z'),
};
const NOW = new Date('2026-01-01T00:00:00Z');
const GROUPS = new Map([[1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)]]);

let csca: IssuedCertificate;
let unrelated: IssuedCertificate;
let sod: Uint8Array;
let revocation: x509.X509Crl;

beforeAll(async () => {
  csca = await datedCsca('C=VN, O=Kiosk Test, CN=VN STORE CSCA', VALIDITY);
  unrelated = await datedCsca('C=VN, O=Kiosk Test, CN=VN UNRELATED STORE CSCA', VALIDITY);
  const ds = await datedDocumentSigner(csca, VALIDITY);
  sod = await signSod(ldsSecurityObject(GROUPS), { signer: ds });
  revocation = await x509.X509CrlGenerator.create(
    {
      issuer: csca.certificate.subject,
      thisUpdate: NOW,
      nextUpdate: new Date('2026-02-01T00:00:00Z'),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      signingKey: csca.keys.privateKey,
      entries: [{ serialNumber: ds.certificate.serialNumber, revocationDate: NOW }],
    },
    webcrypto as unknown as Crypto,
  );
});

/** A CSCA folder holding `files` (name → content). */
function cscaFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-store-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const authenticate = (input: Partial<PassiveAuthenticationInput>) =>
  passiveAuthentication({ sod, dataGroups: GROUPS, now: NOW, ...input });

describe('the CSCAs passive authentication trusts', () => {
  it('are those it is given and those of the folder, together', async () => {
    const folderOfOther = cscaFolder({ 'other.pem': unrelated.certificate.toString('pem') });
    const folderOfIssuer = cscaFolder({ 'csca.pem': csca.certificate.toString('pem') });
    const given = await authenticate({ csca: [csca.certificate], cscaDir: folderOfOther });
    const fromFolder = await authenticate({
      csca: [unrelated.certificate],
      cscaDir: folderOfIssuer,
    });
    expect([given.status, fromFolder.status]).toEqual(['valid', 'valid']);
  });
});

describe('the CRLs passive authentication checks', () => {
  it('revoke the signer when given, beside a folder without CRLs', async () => {
    const folder = cscaFolder({ 'csca.pem': csca.certificate.toString('pem') });
    expect(await authenticate({ cscaDir: folder, crls: [revocation] })).toMatchObject({
      status: 'invalid',
      failedCheck: 'revocation',
    });
  });

  it('revoke the signer from the folder, beside CRLs given that do not', async () => {
    const folder = cscaFolder({
      'csca.pem': csca.certificate.toString('pem'),
      'csca.crl': new Uint8Array(revocation.rawData),
    });
    const harmless = await x509.X509CrlGenerator.create(
      {
        issuer: csca.certificate.subject,
        thisUpdate: NOW,
        nextUpdate: new Date('2026-02-01T00:00:00Z'),
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
        signingKey: csca.keys.privateKey,
        entries: [],
      },
      webcrypto as unknown as Crypto,
    );
    expect(await authenticate({ cscaDir: folder, crls: [harmless] })).toMatchObject({
      status: 'invalid',
      failedCheck: 'revocation',
    });
  });
});
