/**
 * Ed25519 keys of the service centre (node:crypto; no third-party crypto).
 * The key id is the first 8 bytes of SHA-256 over the public key's SPKI DER, in hex, so a kiosk
 * can hold several trusted keys (rotation) and pick the right one without trying each.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { SignedConfigError } from './errors';

export interface TrustedKey {
  id: string;
  key: KeyObject;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SignedConfigError(
      'CONFIG_KEY_INVALID',
      `The ${what} is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`,
    );
  }
  return key;
}

export function publicKeyFromPem(pem: string): TrustedKey {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new SignedConfigError(
      'CONFIG_KEY_INVALID',
      'The public key is not a PEM-encoded SPKI key',
    );
  }
  requireEd25519(key, 'public key');
  return { id: keyIdOf(key), key };
}

export function privateKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SignedConfigError(
      'CONFIG_KEY_INVALID',
      'The private key is not a PEM-encoded PKCS#8 key',
    );
  }
  return requireEd25519(key, 'private key');
}

export function generateCentreKeyPair(): {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}
