import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveSubkey, type DataKey } from './data-key';
import { PrivacyError } from './privacy-error';

/** The current key encrypts; older keys (after a rotation) still decrypt. */
export interface DataKeyring {
  readonly current: DataKey;
  readonly previous?: readonly DataKey[];
}

/** The column a value belongs to; bound into the authentication tag (AAD). */
export interface FieldRef {
  readonly table: string;
  readonly column: string;
}

/** Format version of a sealed value: `kf1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`. */
export const SEALED_VERSION = 'kf1';
/** NIST SP 800-38D §8.2.2: a random 96-bit IV per encryption. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^kf1:([0-9a-f]{8}):([A-Za-z0-9_-]+)$/;

export function asKeyring(keys: DataKey | DataKeyring): DataKeyring {
  return 'current' in keys ? keys : { current: keys };
}

/**
 * Encrypts personal-data fields for SQLite with AES-256-GCM. Each value carries its key id, so
 * keys can rotate (new values under the new key, old ones still readable until re-sealed), and is
 * authenticated together with its table and column, so a value copied into another column, or
 * altered by one bit, fails to open with `SEALED_VALUE_TAMPERED` instead of yielding garbage.
 */
export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(keys: DataKey | DataKeyring) {
    const ring = asKeyring(keys);
    this.currentKeyId = ring.current.id;
    // A key id is an HMAC of the key, so a ring that repeats an id repeats the key.
    for (const key of [ring.current, ...(ring.previous ?? [])])
      this.keys.set(key.id, deriveSubkey(key, 'field-cipher v1'));
  }

  /** True when the value has the sealed format (it may still fail to open). */
  static isSealed(value: string): boolean {
    return SEALED.test(value);
  }

  seal(plaintext: string, field: FieldRef): string {
    const key = this.keyFor(this.currentKeyId);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.currentKeyId, field));
    const body = Buffer.concat([
      nonce,
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${SEALED_VERSION}:${this.currentKeyId}:${body.toString('base64url')}`;
  }

  open(sealed: string, field: FieldRef): string {
    const match = SEALED.exec(sealed);
    const keyId = match?.[1];
    const body = match?.[2] === undefined ? undefined : Buffer.from(match[2], 'base64url');
    if (!keyId || !body || body.length < NONCE_BYTES + TAG_BYTES)
      throw new PrivacyError(
        'SEALED_VALUE_MALFORMED',
        `The value in ${field.table}.${field.column} is not a sealed value of format ${SEALED_VERSION}.`,
      );
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.keyFor(keyId),
      body.subarray(0, NONCE_BYTES),
      {
        authTagLength: TAG_BYTES,
      },
    );
    decipher.setAAD(aad(keyId, field));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(body.subarray(NONCE_BYTES, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new PrivacyError(
        'SEALED_VALUE_TAMPERED',
        `A sealed value in ${field.table}.${field.column} failed authentication: it was altered, ` +
          'moved from another column, or sealed with a different key that has the same id.',
      );
    }
  }

  /** The id of the key a sealed value was made with (for rotation), without opening it. */
  static keyIdOf(sealed: string): string | undefined {
    return SEALED.exec(sealed)?.[1];
  }

  knowsKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  private keyFor(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key)
      throw new PrivacyError(
        'KEY_UNKNOWN',
        `A sealed value was made with data key ${keyId}, which this kiosk does not have ` +
          `(current key ${this.currentKeyId}). Restore that key from the centre's backup.`,
      );
    return key;
  }
}

function aad(keyId: string, field: FieldRef): Buffer {
  return Buffer.from(`${SEALED_VERSION}:${keyId}:${field.table}.${field.column}`, 'utf8');
}
