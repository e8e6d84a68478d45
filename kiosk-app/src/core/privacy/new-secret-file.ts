import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a new secret (a key) readable by this user only, in a folder only this user can list.
 * A file that exists already is kept as it is, never overwritten (another process may have
 * made it a moment ago): returns false then, true when this call wrote it.
 */
export function writeNewSecretFile(file: string, secret: string | Uint8Array): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
  } finally {
    closeSync(fd);
  }
  return true;
}
