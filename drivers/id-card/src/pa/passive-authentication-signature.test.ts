/**
 * The hashes and the signature passive authentication checks (ICAO 9303-11 §5.1, RFC 5652
 * §5.6): data group hashes in any algorithm EF.SOD may name (SHA-1 and SHA-2, ICAO 9303-12
 * §4.2), and a signature that no longer covers EF.SOD once its content or its signature bytes
 * are changed. EF.SODs are signed here (src/testing) with chosen content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { ldsSecurityObject, signSod } from '../testing/signed-cms';
import { passiveAuthentication } from './passive-authentication';

const VALIDITY = {
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2030-01-01T00:00:00Z'),
};
const NOW = new Date('2026-01-01T00:00:00Z');
const GROUPS = new Map([
  [1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)],
  [2, Uint8Array.of(0x75, 0x02, 0x7f, 0x61)],
]);

let csca: IssuedCertificate;
let ds: IssuedCertificate;

beforeAll(async () => {
  csca = await datedCsca('C=VN, O=Kiosk Test, CN=VN HASH CSCA', VALIDITY);
  ds = await datedDocumentSigner(csca, VALIDITY);
});

const authenticate = (sod: Uint8Array) =>
  passiveAuthentication({ sod, dataGroups: GROUPS, csca: [csca.certificate], now: NOW });

describe('data group hashes', () => {
  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as const)(
    'are checked with %s when EF.SOD names it',
    async (hash) => {
      const sod = await signSod(ldsSecurityObject(GROUPS, hash), { signer: ds });
      expect((await authenticate(sod)).status).toBe('valid');
      const other = new Map([...GROUPS, [2, Uint8Array.of(0x75, 0x02, 0x7f, 0x62)]]);
      expect(
        await passiveAuthentication({ sod, dataGroups: other, csca: [csca.certificate], now: NOW }),
      ).toMatchObject({ status: 'invalid', failedCheck: 'data-group-hash', dataGroup: 2 });
    },
  );
});

describe('the signature over EF.SOD', () => {
  it('fails when the signed content changed after signing, hashes unchanged', async () => {
    const signed = ldsSecurityObject(GROUPS);
    // The same hashes under version 1: the content differs, the data groups still match it.
    const changed = signed.slice();
    const versionAt = signed.indexOf(0x02);
    changed[versionAt + 2] = 1;
    const sod = await signSod(signed, { signer: ds, contentAfterSigning: changed });
    expect(await authenticate(sod)).toMatchObject({
      status: 'invalid',
      failedCheck: 'signature',
      detail: "signature check failed: Error during verification: Message digest doesn't match",
    });
  });

  it('fails when a bit of the signature value changed', async () => {
    const sod = await signSod(ldsSecurityObject(GROUPS), { signer: ds, corruptSignature: true });
    expect(await authenticate(sod)).toEqual({
      status: 'invalid',
      failedCheck: 'signature',
      detail: 'the EF.SOD signature does not verify',
    });
  });
});
