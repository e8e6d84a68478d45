import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { detachedCmsSignature } from './cms-detached-signature';
import { withSigningKey } from './pkcs11-token';
import type { SigningKey } from './pkcs11-token';
import type { SigningConfig } from './signing-config';

/** @signpdf's signer contract, answered with a CMS signature made by the token. */
class TokenSigner extends Signer {
  constructor(
    private readonly key: SigningKey,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(detachedCmsSignature(content, this.signingTime, this.key));
  }
}

/** Fills the signature placeholder of `pdf` with a signature by an already opened key. */
export async function signPdfWithKey(
  pdf: Uint8Array,
  key: SigningKey,
  signingTime: Date,
): Promise<Uint8Array> {
  const signed = await new SignPdf().sign(Buffer.from(pdf), new TokenSigner(key, signingTime));
  return new Uint8Array(signed);
}

/** Signs `pdf` with the configured PKCS#11 token (PAdES-style, adbe.pkcs7.detached). */
export async function signReceiptPdf(
  pdf: Uint8Array,
  config: SigningConfig,
  signingTime: Date,
): Promise<Uint8Array> {
  return await withSigningKey(config, (key) => signPdfWithKey(pdf, key, signingTime));
}
