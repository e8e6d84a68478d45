import {
  KeyUsageFlags,
  KeyUsagesExtension,
  type X509Certificate,
  type X509Crl,
} from '@peculiar/x509';

/** Which check of ICAO 9303 Part 11 §5.1 (and Part 12 for the certificates) failed. */
export type PassiveAuthenticationCheck =
  | 'sod-format'
  | 'data-group-hash'
  | 'signer-certificate'
  | 'signature'
  | 'key-usage'
  | 'certificate-validity'
  | 'certificate-chain'
  | 'csca-validity'
  | 'revocation';

export interface CheckFailure {
  readonly failedCheck: PassiveAuthenticationCheck;
  readonly detail: string;
}

/** A document signer key signs EF.SOD only: keyUsage must be present with digitalSignature (9303-12 §7.1.1). */
export function checkDocumentSignerKeyUsage(ds: X509Certificate): CheckFailure | undefined {
  const keyUsage = ds.getExtension(KeyUsagesExtension);
  if (!keyUsage)
    return { failedCheck: 'key-usage', detail: 'the document signer certificate has no keyUsage' };
  if ((keyUsage.usages & KeyUsageFlags.digitalSignature) === 0)
    return {
      failedCheck: 'key-usage',
      detail: 'the document signer certificate does not allow digitalSignature',
    };
  return undefined;
}

/** The document signer certificate was valid when EF.SOD was signed. */
export function checkValidAt(ds: X509Certificate, at: Date): CheckFailure | undefined {
  if (at < ds.notBefore || at > ds.notAfter)
    return {
      failedCheck: 'certificate-validity',
      detail: `the document signer certificate (${ds.notBefore.toISOString()} to ${ds.notAfter.toISOString()}) was not valid at ${at.toISOString()}`,
    };
  return undefined;
}

/** The CSCA certificate was valid when it issued the document signer certificate. */
export function checkIssuedWhileValid(
  ds: X509Certificate,
  csca: X509Certificate,
): CheckFailure | undefined {
  if (ds.notBefore < csca.notBefore || ds.notBefore > csca.notAfter)
    return {
      failedCheck: 'csca-validity',
      detail: `the CSCA certificate (${csca.notBefore.toISOString()} to ${csca.notAfter.toISOString()}) was not valid when it issued the document signer certificate (${ds.notBefore.toISOString()})`,
    };
  return undefined;
}

/**
 * The document signer is not on a CRL of its CSCA. Only CRLs that name the CSCA as issuer and
 * carry its signature count (ICAO 9303-12 §7.1.4): anyone can write a file that says otherwise.
 */
export async function checkNotRevoked(
  ds: X509Certificate,
  csca: X509Certificate,
  crls: readonly X509Crl[],
): Promise<CheckFailure | undefined> {
  for (const crl of crls) {
    if (crl.issuer !== csca.subject) continue;
    if (!(await crl.verify({ publicKey: csca.publicKey }).catch(() => false))) continue;
    const entry = crl.findRevoked(ds);
    if (entry)
      return {
        failedCheck: 'revocation',
        detail: `the document signer certificate (serial ${ds.serialNumber}) was revoked on ${entry.revocationDate.toISOString()}`,
      };
  }
  return undefined;
}
