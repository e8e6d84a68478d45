import { createHmac } from 'node:crypto';
import { deriveSubkey } from './data-key';
import { asKeyring, type DataKeyring, type FieldRef } from './field-cipher';
import type { DataKey } from './data-key';

/** Format version of an index token: `bi1:<key id>:<base64url(HMAC-SHA256)>`. */
export const BLIND_INDEX_VERSION = 'bi1';

/**
 * A deterministic, keyed fingerprint of a searchable value (the personal ID): equal IDs give equal
 * tokens, so `WHERE personal_id IN (…)` still finds a citizen's receipts, but the table holds no
 * ID and a stolen database cannot be searched by brute force over the 10^12 IDs without the key.
 * The HMAC key is derived per column, so equal values in two columns do not link up.
 */
export class BlindIndex {
  private readonly current: DataKey;
  private readonly keys: readonly DataKey[];

  constructor(keys: DataKey | DataKeyring) {
    const ring = asKeyring(keys);
    this.current = ring.current;
    this.keys = [ring.current, ...(ring.previous ?? [])];
  }

  /** The token stored for a value, under the current key. */
  tokenOf(value: string, field: FieldRef): string {
    return this.token(this.current, value, field);
  }

  /** Every token the value may be stored under (current and previous keys), for searching. */
  candidates(value: string, field: FieldRef): string[] {
    return this.keys.map((k) => this.token(k, value, field));
  }

  static isToken(value: string): boolean {
    return /^bi1:[0-9a-f]{8}:[A-Za-z0-9_-]{43}$/.test(value);
  }

  private token(key: DataKey, value: string, field: FieldRef): string {
    const subkey = deriveSubkey(key, `blind-index v1 ${field.table}.${field.column}`);
    const mac = createHmac('sha256', subkey).update(normalise(value), 'utf8').digest('base64url');
    return `${BLIND_INDEX_VERSION}:${key.id}:${mac}`;
  }
}

/** Staff type IDs with stray spaces; the chip gives them without. */
function normalise(value: string): string {
  return value.replace(/\s/g, '');
}
