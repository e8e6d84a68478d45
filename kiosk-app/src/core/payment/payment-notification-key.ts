import { readFileSync, statSync } from 'node:fs';

export class PaymentKeyError extends Error {
  override readonly name = 'PaymentKeyError';
}

/** Fewer bytes than this cannot be the shared key of an HMAC-SHA256 (RFC 2104 §3: L = 32). */
const MIN_KEY_BYTES = 16;

/**
 * The key the payment platform signs notifications with, as the file holds it (the simulator
 * reads the same bytes). Refused when others may read the file or when it is too short: a key
 * anyone can read lets anyone mark a fee paid.
 */
export function loadNotificationKey(file: string): Buffer {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new PaymentKeyError(`the payment notification key file ${file} cannot be read`);
  }
  if ((mode & 0o077) !== 0) {
    throw new PaymentKeyError(
      `the payment notification key file ${file} has mode 0${(mode & 0o777).toString(8)}; run chmod 0600`,
    );
  }
  const key = readFileSync(file);
  if (key.length < MIN_KEY_BYTES) {
    throw new PaymentKeyError(
      `the payment notification key has ${key.length} bytes, at least ${MIN_KEY_BYTES} are needed`,
    );
  }
  return key;
}
