import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

  it('writes bytes as they are, in folders it makes on the way', () => {
    const file = path.join(root, 'a', 'b', 'raw.key');
    expect(writeNewSecretFile(file, new Uint8Array([0, 255, 10]))).toBe(true);
    expect([...readFileSync(file)]).toEqual([0, 255, 10]);
    expect(statSync(path.join(root, 'a')).mode & 0o777).toBe(0o700);
  });

  it('reports a name the file system refuses, and leaves no file descriptor open', () => {
    expect(() => writeNewSecretFile(path.join(root, 'n'.repeat(300)), 'x')).toThrow(
      expect.objectContaining({ code: 'ENAMETOOLONG' }),
    );
    if (process.platform !== 'linux') return;
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i += 1) writeNewSecretFile(path.join(root, 'fd', `${i}.key`), 'x');
    expect(open()).toBe(before);
  });

  it('reports a folder it cannot write in', () => {
    const blocker = path.join(root, 'blocker');
    writeNewSecretFile(blocker, 'x');
    expect(() => writeNewSecretFile(path.join(blocker, 'b.key'), 'x')).toThrow();
  });
});
