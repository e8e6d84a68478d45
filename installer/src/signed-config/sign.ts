import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { BUNDLE_FORMAT, BundlePayload, signedBytes, type SignedBundle } from './envelope';
import { keyIdOf } from './keys';

/** Signs a settings payload with the centre's Ed25519 private key. */
export function signConfigBundle(payload: BundlePayload, privateKey: KeyObject): SignedBundle {
  const checked = BundlePayload.parse(payload);
  const bytes = Buffer.from(JSON.stringify(checked), 'utf8');
  const signature = sign(null, signedBytes(bytes), privateKey);
  return {
    format: BUNDLE_FORMAT,
    keyId: keyIdOf(createPublicKey(privateKey)),
    payload: bytes.toString('base64'),
    signature: signature.toString('base64'),
  };
}
