/**
 * Revocation of the document signer (ICAO 9303-12 §7.1.4): only a CRL that names the CSCA as its
 * issuer and carries the CSCA's signature counts. Mutation testing (issue 23) showed that no test
 * failed when either condition was dropped: a CRL written by anyone could then revoke a genuine
 * card, or the CSCA's own CRL could be ignored.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSod, testPki, type TestPki } from '@kiosk/test-fixtures/card';
import { parseCrl } from './crl';
import { passiveAuthentication } from './passive-authentication';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const GROUPS = new Map([[1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)]]);

let pki: TestPki;
let sod: Uint8Array;

beforeAll(async () => {
  pki = await testPki();
  sod = await buildSod(GROUPS, pki);
});

async function crl(issuer: string, signingKey: CryptoKey, serials: readonly string[]) {
  const made = await x509.X509CrlGenerator.create(
    {
      issuer,
      thisUpdate: new Date(Date.now() - 3_600_000),
      nextUpdate: new Date(Date.now() + 30 * 86_400_000),
      signingAlgorithm: ALGORITHM,
      signingKey,
      entries: serials.map((serialNumber) => ({
        serialNumber,
        revocationDate: new Date(Date.now() - 3_600_000),
      })),
    },
    webcrypto as unknown as Crypto,
  );
  const parsed = parseCrl(new Uint8Array(made.rawData));
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.crl;
}

async function otherKey(): Promise<CryptoKey> {
  const pair = (await webcrypto.subtle.generateKey(ALGORITHM, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return pair.privateKey;
}

const read = (crls: Awaited<ReturnType<typeof crl>>[]) =>
  passiveAuthentication({ sod, dataGroups: GROUPS, csca: [pki.csca], crls });

describe('revocation of the document signer', () => {
  it("refuses a card whose signer is on its CSCA's own CRL", async () => {
    const serial = pki.documentSigner.serialNumber;
    expect(await read([await crl(pki.csca.subject, pki.cscaKey, [serial])])).toMatchObject({
      status: 'invalid',
      failedCheck: 'revocation',
      detail: expect.stringContaining(`(serial ${serial}) was revoked on `),
    });
  });

  it("accepts the card when the CSCA's CRL lists other serials", async () => {
    expect(await read([await crl(pki.csca.subject, pki.cscaKey, ['7f'])])).toMatchObject({
      status: 'valid',
    });
  });

  it('ignores a CRL in the CSCA name signed with another key (anyone can write one)', async () => {
    const forged = await crl(pki.csca.subject, await otherKey(), [pki.documentSigner.serialNumber]);
    expect(await read([forged])).toMatchObject({ status: 'valid' });
  });

  it('ignores a CRL of another issuer that lists the same serial', async () => {
    const foreign = await crl(pki.otherCsca.subject, pki.cscaKey, [
      pki.documentSigner.serialNumber,
    ]);
    expect(await read([foreign])).toMatchObject({ status: 'valid' });
  });
});
