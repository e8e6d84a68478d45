import { createHash, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { X509Certificate } from '@peculiar/x509';
import { equalBytes } from '../util/bytes';
import { isIdCardError } from '../errors';
import { parseEfSod } from '../lds/ef-sod';
import { loadCscaFolder } from './csca-store';

/** Which check of ICAO 9303 Part 11 §5.1 failed. */
export type PassiveAuthenticationCheck =
  'sod-format' | 'data-group-hash' | 'signature' | 'certificate-chain';

export type PassiveAuthenticationResult =
  | {
      readonly status: 'valid';
      readonly signer: SignerInfo;
      readonly dataGroups: readonly number[];
    }
  | {
      readonly status: 'invalid';
      readonly failedCheck: PassiveAuthenticationCheck;
      readonly detail: string;
      readonly dataGroup?: number;
    }
  | {
      readonly status: 'unknown-issuer';
      readonly signer: SignerInfo;
      readonly dataGroups: readonly number[];
    }
  | { readonly status: 'not-checked'; readonly reason: string };

export interface SignerInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
}

let engineSet = false;
function ensureEngine(): void {
  if (engineSet) return;
  pkijs.setEngine(
    'node-webcrypto',
    new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }),
  );
  engineSet = true;
}

export interface PassiveAuthenticationInput {
  readonly sod: Uint8Array;
  /** Raw bytes of each data group read, by number. */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  /** Trusted CSCA certificates, or a folder to load them from. */
  readonly csca?: readonly X509Certificate[];
  readonly cscaDir?: string;
}

/**
 * Passive authentication (Part 11 §5.1): the hash of every data group read matches EF.SOD,
 * the SignedData signature verifies with the document signer certificate, and that
 * certificate is signed by a trusted CSCA. A failed check names itself; a good signature by an
 * unknown CSCA is `unknown-issuer`, never `valid`.
 */
export async function passiveAuthentication(
  input: PassiveAuthenticationInput,
): Promise<PassiveAuthenticationResult> {
  ensureEngine();
  let sod;
  try {
    sod = parseEfSod(input.sod);
  } catch (e) {
    if (isIdCardError(e))
      return { status: 'invalid', failedCheck: 'sod-format', detail: e.message };
    throw e;
  }
  const { securityObject, signedData } = sod;
  for (const [dg, bytes] of input.dataGroups) {
    const expected = securityObject.dataGroupHashes.get(dg);
    if (!expected) {
      return {
        status: 'invalid',
        failedCheck: 'data-group-hash',
        detail: `EF.SOD has no hash for DG${dg}`,
        dataGroup: dg,
      };
    }
    const actual = new Uint8Array(
      createHash(securityObject.hashAlgorithm.replace('-', '').toLowerCase())
        .update(bytes)
        .digest(),
    );
    if (!equalBytes(actual, expected)) {
      return {
        status: 'invalid',
        failedCheck: 'data-group-hash',
        detail: `DG${dg} does not match its hash in EF.SOD`,
        dataGroup: dg,
      };
    }
  }
  const certificate = signedData.certificates?.find(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  if (!certificate)
    return {
      status: 'invalid',
      failedCheck: 'signature',
      detail: 'EF.SOD carries no document signer certificate',
    };
  let signatureOk = false;
  try {
    signatureOk = await signedData.verify({ signer: 0, checkChain: false, extendedMode: false });
  } catch (e) {
    return {
      status: 'invalid',
      failedCheck: 'signature',
      detail: `signature check failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (!signatureOk)
    return {
      status: 'invalid',
      failedCheck: 'signature',
      detail: 'the EF.SOD signature does not verify',
    };

  const ds = new X509Certificate(new Uint8Array(certificate.toSchema().toBER(false)));
  const signer: SignerInfo = {
    subject: ds.subject,
    issuer: ds.issuer,
    serialNumber: ds.serialNumber,
  };
  const dataGroups = [...input.dataGroups.keys()].sort((a, b) => a - b);
  const csca = input.csca ?? (input.cscaDir ? await loadCscaFolder(input.cscaDir) : undefined);
  // Without a trust store the hashes and the signature are still checked; the issuer is unknown.
  if (!csca) return { status: 'unknown-issuer', signer, dataGroups };
  const candidates = csca.filter((c) => c.subject === ds.issuer);
  for (const c of candidates) {
    if (await ds.verify({ publicKey: c.publicKey, signatureOnly: true }))
      return { status: 'valid', signer, dataGroups };
  }
  if (candidates.length > 0) {
    return {
      status: 'invalid',
      failedCheck: 'certificate-chain',
      detail: 'the document signer certificate is not signed by its CSCA',
    };
  }
  return { status: 'unknown-issuer', signer, dataGroups };
}
