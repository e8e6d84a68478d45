import { createHash } from 'node:crypto';
import { X509Certificate, type X509Crl } from '@peculiar/x509';
import { equalBytes } from '../util/bytes';
import { isIdCardError } from '../errors';
import { parseEfSod, type LdsSecurityObject } from '../lds/ef-sod';
import {
  checkDocumentSignerKeyUsage,
  checkIssuedWhileValid,
  checkNotRevoked,
  checkValidAt,
  type CheckFailure,
  type PassiveAuthenticationCheck,
} from './certificate-checks';
import { loadTrustStore, type TrustStore } from './csca-store';
import {
  identifySigner,
  signedDataForSigner,
  type SignerIdentifierKind,
} from './signer-identification';
import { signingTimeOf } from './signing-time';

export type { PassiveAuthenticationCheck } from './certificate-checks';

/**
 * Why the issuer is unknown: no CSCA certificates at all (`no-trust-store`, a deployment
 * without its CSCA folder), none that issued this document signer (`issuer-not-trusted`), or
 * a CSCA folder with a file that does not parse (`trust-store-unreadable`).
 */
export type UnknownIssuerReason =
  'no-trust-store' | 'issuer-not-trusted' | 'trust-store-unreadable';

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
      readonly reason: UnknownIssuerReason;
      readonly detail: string;
      readonly signer: SignerInfo;
      readonly dataGroups: readonly number[];
    }
  | { readonly status: 'not-checked'; readonly reason: string };

/** The document signer certificate, as the SignerInfo identified it. */
export interface SignerInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly identifiedBy: SignerIdentifierKind;
  /** The signingTime signed attribute, when there is one. */
  readonly signingTime?: Date;
}

export interface PassiveAuthenticationInput {
  readonly sod: Uint8Array;
  /** Raw bytes of each data group read, by number. */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  /** Trusted CSCA certificates, or a folder to load them (and `.crl` files) from. */
  readonly csca?: readonly X509Certificate[];
  /** CRLs to check the document signer against, with `csca`. */
  readonly crls?: readonly X509Crl[];
  readonly cscaDir?: string;
  /** The time when EF.SOD has no signingTime; now unless told (tests use a fixed clock). */
  readonly now?: Date;
}

const invalid = ({ failedCheck, detail }: CheckFailure): PassiveAuthenticationResult => ({
  status: 'invalid',
  failedCheck,
  detail,
});

function checkHashes(
  securityObject: LdsSecurityObject,
  dataGroups: ReadonlyMap<number, Uint8Array>,
): PassiveAuthenticationResult | undefined {
  for (const [dg, bytes] of dataGroups) {
    const expected = securityObject.dataGroupHashes.get(dg);
    const actual = new Uint8Array(createHash(securityObject.hashAlgorithm).update(bytes).digest());
    if (!expected || !equalBytes(actual, expected)) {
      return {
        status: 'invalid',
        failedCheck: 'data-group-hash',
        detail: expected
          ? `DG${dg} does not match its hash in EF.SOD`
          : `EF.SOD has no hash for DG${dg}`,
        dataGroup: dg,
      };
    }
  }
  return undefined;
}

async function trustStoreOf(
  input: PassiveAuthenticationInput,
): Promise<TrustStore | { readonly unreadable: string }> {
  const fromFolder = input.cscaDir
    ? await loadTrustStore(input.cscaDir).catch((e: unknown) => {
        if (isIdCardError(e, 'TRUST_STORE_INVALID')) return { unreadable: e.message };
        throw e;
      })
    : { cscas: [], crls: [] };
  if ('unreadable' in fromFolder) return fromFolder;
  return {
    cscas: [...(input.csca ?? []), ...fromFolder.cscas],
    crls: [...(input.crls ?? []), ...fromFolder.crls],
  };
}

/**
 * Passive authentication (ICAO 9303-11 §5.1, RFC 5652 §5.6): the hash of every data group read
 * matches EF.SOD; the signature verifies with the certificate its SignerInfo names; that
 * certificate may sign (keyUsage), was valid when EF.SOD was signed, is signed by a trusted CSCA
 * that was valid when it issued it, and is on none of that CSCA's CRLs. A failed check names
 * itself; a good signature by a CSCA we do not hold is `unknown-issuer`, never `valid`.
 */
export async function passiveAuthentication(
  input: PassiveAuthenticationInput,
): Promise<PassiveAuthenticationResult> {
  try {
    return await checkPassively(input);
  } catch (e) {
    // The card's bytes reach ASN.1 decoders that may throw where no check expected it: that is
    // a failure of the card's data, never an exception out of the reader and never `valid`.
    return invalid({
      failedCheck: 'sod-format',
      detail: `EF.SOD could not be checked: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

async function checkPassively(
  input: PassiveAuthenticationInput,
): Promise<PassiveAuthenticationResult> {
  let sod;
  try {
    sod = parseEfSod(input.sod);
  } catch (e) {
    if (isIdCardError(e)) return invalid({ failedCheck: 'sod-format', detail: e.message });
    throw e;
  }
  const { securityObject, signedData } = sod;
  const badHash = checkHashes(securityObject, input.dataGroups);
  if (badHash) return badHash;

  const identified = identifySigner(signedData);
  if (identified.status === 'failed') return invalid(identified);
  const { signerInfo, certificate, identifiedBy } = identified;
  const signingTime = signingTimeOf(signerInfo);
  if (!signingTime.ok) return invalid({ failedCheck: 'sod-format', detail: signingTime.detail });

  let signatureOk: boolean;
  try {
    signatureOk = await signedDataForSigner(signedData, signerInfo, certificate).verify({
      signer: 0,
      checkChain: false,
      extendedMode: false,
    });
  } catch (e) {
    const message =
      e instanceof Error ? e.message : e instanceof Object && 'message' in e ? e.message : e;
    return invalid({
      failedCheck: 'signature',
      detail: `signature check failed: ${String(message)}`,
    });
  }
  if (!signatureOk)
    return invalid({ failedCheck: 'signature', detail: 'the EF.SOD signature does not verify' });

  let ds: X509Certificate;
  try {
    ds = new X509Certificate(new Uint8Array(certificate.toSchema().toBER(false)));
    // @peculiar/x509 decodes extensions when first asked: a malformed one must fail here.
    void ds.extensions;
  } catch (e) {
    return invalid({
      failedCheck: 'signer-certificate',
      detail: `the document signer certificate does not parse: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  const signer: SignerInfo = {
    subject: ds.subject,
    issuer: ds.issuer,
    serialNumber: ds.serialNumber,
    identifiedBy,
    ...(signingTime.time ? { signingTime: signingTime.time } : {}),
  };
  const dsFailure =
    checkDocumentSignerKeyUsage(ds) ??
    checkValidAt(ds, signingTime.time ?? input.now ?? new Date());
  if (dsFailure) return invalid(dsFailure);

  const dataGroups = [...input.dataGroups.keys()].sort((a, b) => a - b);
  const unknownIssuer = (
    reason: UnknownIssuerReason,
    detail: string,
  ): PassiveAuthenticationResult => ({
    status: 'unknown-issuer',
    reason,
    detail,
    signer,
    dataGroups,
  });
  const store = await trustStoreOf(input);
  if ('unreadable' in store) return unknownIssuer('trust-store-unreadable', store.unreadable);
  // Without a trust store the hashes and the signature are still checked; the issuer is unknown.
  if (store.cscas.length === 0)
    return unknownIssuer('no-trust-store', 'no CSCA certificate is installed');

  const candidates = store.cscas.filter((c) => c.subject === ds.issuer);
  if (candidates.length === 0)
    return unknownIssuer('issuer-not-trusted', `no trusted CSCA is named ${ds.issuer}`);
  let csca: X509Certificate | undefined;
  for (const c of candidates) {
    if (await ds.verify({ publicKey: c.publicKey, signatureOnly: true }).catch(() => false)) {
      csca = c;
      break;
    }
  }
  if (!csca)
    return invalid({
      failedCheck: 'certificate-chain',
      detail: 'the document signer certificate is not signed by its CSCA',
    });
  const cscaFailure =
    checkIssuedWhileValid(ds, csca) ?? (await checkNotRevoked(ds, csca, store.crls));
  if (cscaFailure) return invalid(cscaFailure);
  return { status: 'valid', signer, dataGroups };
}
