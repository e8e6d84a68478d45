/**
 * Throw-away certificates with the validity dates a test chooses, made with @peculiar/x509 over
 * Node's WebCrypto (ECDSA P-256): a CSCA (RFC 5280 cA, keyCertSign and cRLSign) and document
 * signers under it (keyUsage digitalSignature, ICAO 9303-12 §7.1.1, unless told otherwise).
 * Nothing here is written to disk.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const crypto = webcrypto as unknown as Crypto;

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface IssuedCertificate {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

export async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A self-signed CSCA named `name`, valid for `validity`, for new keys unless given. */
export async function datedCsca(
  name: string,
  validity: Validity,
  keys?: CryptoKeyPair,
): Promise<IssuedCertificate> {
  keys ??= await newKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name,
      ...validity,
      keys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
      ],
    },
    crypto,
  );
  return { certificate, keys };
}

export interface SignerOptions extends Validity {
  readonly serialNumber?: string;
  readonly subject?: string;
  /** The extensions; keyUsage digitalSignature unless given. */
  readonly extensions?: x509.Extension[];
}

/** A document signer certificate for a new key, issued by `csca` (certificate and key). */
export async function datedDocumentSigner(
  csca: IssuedCertificate,
  options: SignerOptions,
): Promise<IssuedCertificate> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: options.serialNumber ?? '0b',
      subject: options.subject ?? 'C=VN, O=Kiosk Test, CN=VN DATED DOCUMENT SIGNER',
      issuer: csca.certificate.subject,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      publicKey: keys.publicKey,
      signingKey: csca.keys.privateKey,
      signingAlgorithm: ALGORITHM,
      extensions: options.extensions ?? [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ],
    },
    crypto,
  );
  return { certificate, keys };
}
