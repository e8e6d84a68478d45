import { X509Crl } from '@peculiar/x509';

/** A certificate revocation list, or why the bytes are not one. Never throws. */
export type CrlParseResult =
  { readonly ok: true; readonly crl: X509Crl } | { readonly ok: false; readonly detail: string };

const PEM_CRL = /-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g;

/** The PEM blocks of CRLs in a text file (a `.pem` may carry certificates and CRLs together). */
export function pemCrlBlocks(text: string): string[] {
  return text.match(PEM_CRL) ?? [];
}

/**
 * Parses one CRL (RFC 5280 §5), DER or PEM. The issuer, dates and entries are read here, so a
 * CRL that parses is fully readable later (@peculiar/x509 decodes some fields lazily).
 */
export function parseCrl(bytes: Uint8Array | string): CrlParseResult {
  try {
    const crl = new X509Crl(typeof bytes === 'string' ? bytes : new Uint8Array(bytes));
    void crl.issuer;
    void crl.thisUpdate;
    void crl.nextUpdate;
    void crl.entries;
    return { ok: true, crl };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
