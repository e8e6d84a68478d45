import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let engineSet = false;

/** pkijs verifies CMS signatures with Node's WebCrypto; set once per process, before any use. */
export function ensurePkijsEngine(): void {
  if (engineSet) return;
  pkijs.setEngine(
    'node-webcrypto',
    new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }),
  );
  engineSet = true;
}
