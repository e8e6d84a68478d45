import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export interface ScryptCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * scrypt cost for new hashes: N = 2^17, r = 8, p = 1 (128 MiB per hash), the OWASP Password
 * Storage Cheat Sheet's first scrypt setting. Measured with `npx tsx scripts/bench.ts sign-in`
 * on the 2-core build machine under load: 1.06 s per hash against 0.14 s for the earlier
 * N = 2^15 (median of 5), so each guess at a copied database costs several times as much.
 */
export const CURRENT_SCRYPT: ScryptCost = { log2N: 17, r: 8, p: 1 };
/** What accounts created before issue 14 were hashed with; re-hashed at their next sign-in. */
export const LEGACY_SCRYPT: ScryptCost = { log2N: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** How the cost is stored beside a hash: `scrypt:<log2 N>:<r>:<p>`. */
export function encodeCost(cost: ScryptCost): string {
  return `scrypt:${cost.log2N}:${cost.r}:${cost.p}`;
}

/** The stored cost, or the legacy one for a value this version does not recognise. */
export function decodeCost(text: string | null | undefined): ScryptCost {
  const match = /^scrypt:(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text ?? '');
  if (!match) return LEGACY_SCRYPT;
  const [log2N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (log2N < 10 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) return LEGACY_SCRYPT;
  return { log2N, r, p };
}

export function newSalt(): Buffer {
  return randomBytes(SALT_LENGTH);
}

export function hashPin(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return scryptAsync(pin, salt, KEY_LENGTH, {
    N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; allow twice that for Node's bookkeeping.
    maxmem: 256 * N * cost.r,
  });
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
