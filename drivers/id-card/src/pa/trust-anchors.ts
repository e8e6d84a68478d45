import { BasicConstraintsExtension, X509Certificate } from '@peculiar/x509';

export { X509Certificate };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of one file: every PEM block, or the file as one DER certificate. Throws when
 * it is neither (the caller names the file).
 */
export function parseCertificates(bytes: Uint8Array): X509Certificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----'))
    return (text.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
  return [new X509Certificate(new Uint8Array(bytes))];
}

/** A CSCA is a certification authority (RFC 5280 basicConstraints cA, Doc 9303 Part 12 §7.1). */
export function isCertificateAuthority(certificate: X509Certificate): boolean {
  return certificate.getExtension(BasicConstraintsExtension)?.ca === true;
}
