import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNewSecretFile } from './new-secret-file';

const root = mkdtempSync(path.join(tmpdir(), 'secret-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a new secret file', () => {
  it('is written once, for this user only, in a folder only this user lists', () => {
    const file = path.join(root, 'keys', 'a.key');
    expect(writeNewSecretFile(file, 'first\n')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    // An existing key is kept, never overwritten.
    expect(writeNewSecretFile(file, new Uint8Array([1, 2, 3]))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first\n');
  });

  it('reports a folder it cannot write in', () => {
    const blocker = path.join(root, 'blocker');
    writeNewSecretFile(blocker, 'x');
    expect(() => writeNewSecretFile(path.join(blocker, 'b.key'), 'x')).toThrow();
  });
});
