export { BUNDLE_FORMAT, BundlePayload, SIGNATURE_CONTEXT, SignedBundle } from './envelope';
export { SignedConfigError, type SignedConfigErrorCode } from './errors';
export {
  generateCentreKeyPair,
  keyIdOf,
  privateKeyFromPem,
  publicKeyFromPem,
  type TrustedKey,
} from './keys';
export { signConfigBundle } from './sign';
export { verifyConfigBundle, type VerifiedConfig, type VerifyOptions } from './verify';
