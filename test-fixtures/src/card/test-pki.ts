import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * A throw-away PKI for the virtual card: a test CSCA ("VN TEST CSCA", clearly not a real
 * country signer) and a document signer under it, ECDSA P-256, generated once per process.
 * Nothing here is ever written to the repository.
 */
export interface TestPki {
  readonly csca: x509.X509Certificate;
  readonly documentSigner: x509.X509Certificate;
  readonly documentSignerKey: CryptoKey;
  /** The CSCA's private key, to issue CRLs in tests. */
  readonly cscaKey: CryptoKey;
  /** A second CSCA that did not sign anything, to test unknown issuers. */
  readonly otherCsca: x509.X509Certificate;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

async function keyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ]) as Promise<CryptoKeyPair>;
}

async function selfSigned(name: string, keys: CryptoKeyPair): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 3650 * DAY),
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
    webcrypto as unknown as Crypto,
  );
}

let cached: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  cached ??= (async () => {
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    const cscaKeys = await keyPair();
    const csca = await selfSigned('C=VN, O=Kiosk Test, CN=VN TEST CSCA', cscaKeys);
    const dsKeys = await keyPair();
    const documentSigner = await x509.X509CertificateGenerator.create(
      {
        serialNumber: '0a',
        subject: 'C=VN, O=Kiosk Test, CN=VN TEST DOCUMENT SIGNER',
        issuer: csca.subject,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + 365 * DAY),
        publicKey: dsKeys.publicKey,
        signingKey: cscaKeys.privateKey,
        signingAlgorithm: ALGORITHM,
        extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
      },
      webcrypto as unknown as Crypto,
    );
    const otherCsca = await selfSigned(
      'C=VN, O=Kiosk Test, CN=VN OTHER TEST CSCA',
      await keyPair(),
    );
    return {
      csca,
      documentSigner,
      documentSignerKey: dsKeys.privateKey,
      cscaKey: cscaKeys.privateKey,
      otherCsca,
    };
  })();
  return cached;
}
