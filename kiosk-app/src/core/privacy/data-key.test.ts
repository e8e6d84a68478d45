import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY_PATH, loadDataKey, parseKeyContent } from './data-key';
import { isPrivacyError } from './privacy-error';

const posix = process.platform !== 'win32';
const HEX = 'a1'.repeat(32);

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
  const dataDir = join(root, 'data');
  const etc = join(root, 'etc');
  mkdirSync(dataDir);
  mkdirSync(etc);
  return { root, dataDir, etc };
}

function keyFile(dir: string, content: string | Buffer, mode = 0o600): string {
  const file = join(dir, 'data.key');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isPrivacyError(error) ? error.code : `untyped: ${String(error)}`;
  }
  return undefined;
}

describe('loadDataKey', () => {
  it('reads the installer’s 64 hex digits and newline', () => {
    const { dataDir, etc } = dirs();
    const key = loadDataKey({ keyFile: keyFile(etc, `${HEX}\n`), dataDir });
    expect(key.material.equals(Buffer.from(HEX, 'hex'))).toBe(true);
    expect(key.source).toBe('provisioned');
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('reads 32 raw bytes', () => {
    const { dataDir, etc } = dirs();
    const raw = Buffer.alloc(32, 0x0a); // all newlines: must not be trimmed as text
    expect(loadDataKey({ keyFile: keyFile(etc, raw), dataDir }).material.equals(raw)).toBe(true);
  });

  it.runIf(posix)('refuses a key file others can read, naming the fix', () => {
    const { dataDir, etc } = dirs();
    const file = keyFile(etc, HEX, 0o644);
    expect(() => loadDataKey({ keyFile: file, dataDir })).toThrow(/mode 0644.*chmod 0600/s);
    expect(codeOf(() => loadDataKey({ keyFile: file, dataDir }))).toBe('KEY_FILE_PERMISSIONS');
  });

  it('refuses a key file inside the data directory', () => {
    const { dataDir } = dirs();
    mkdirSync(join(dataDir, 'keys'));
    const file = keyFile(join(dataDir, 'keys'), HEX);
    expect(codeOf(() => loadDataKey({ keyFile: file, dataDir }))).toBe('KEY_FILE_IN_DATA_DIR');
    expect(codeOf(() => loadDataKey({ keyFile: keyFile(dataDir, HEX), dataDir }))).toBe(
      'KEY_FILE_IN_DATA_DIR',
    );
  });

  it('accepts a sibling folder whose name starts like the data directory', () => {
    const { root } = dirs();
    const dataDir = join(root, 'kiosk');
    const beside = join(root, 'kiosk-keys');
    mkdirSync(dataDir);
    mkdirSync(beside);
    expect(loadDataKey({ keyFile: keyFile(beside, HEX), dataDir }).source).toBe('provisioned');
  });

  it('says plainly when the file is missing or not a key', () => {
    const { dataDir, etc } = dirs();
    expect(() => loadDataKey({ keyFile: join(etc, 'nope.key'), dataDir })).toThrow(
      /does not exist.*backup/s,
    );
    expect(codeOf(() => loadDataKey({ keyFile: join(etc, 'nope.key'), dataDir }))).toBe(
      'KEY_FILE_MISSING',
    );
    expect(codeOf(() => loadDataKey({ keyFile: keyFile(etc, 'secret'), dataDir }))).toBe(
      'KEY_FILE_INVALID',
    );
    expect(codeOf(() => loadDataKey({ keyFile: etc, dataDir }))).toBe('KEY_FILE_INVALID');
  });

  it('without a key file, refuses unless demo keys are allowed', () => {
    const { dataDir } = dirs();
    expect(codeOf(() => loadDataKey({ dataDir }))).toBe('KEY_FILE_MISSING');
    expect(() => loadDataKey({ dataDir })).toThrow(/KIOSK_KEY_FILE/);
  });

  it('creates one demo key beside the data, 0600, and reuses it', () => {
    const { dataDir } = dirs();
    const first = loadDataKey({ dataDir, allowDemoKey: true });
    const second = loadDataKey({ dataDir, allowDemoKey: true });
    expect(first.source).toBe('demo');
    expect(first.file).toBe(join(dataDir, DEMO_KEY_PATH));
    expect(second.material.equals(first.material)).toBe(true);
    expect(readFileSync(join(dataDir, DEMO_KEY_PATH), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    if (posix) expect(statSync(join(dataDir, DEMO_KEY_PATH)).mode & 0o777).toBe(0o600);
  });

  it('key ids differ between keys and are stable for one key', () => {
    const { dataDir, etc } = dirs();
    const a = loadDataKey({ keyFile: keyFile(etc, HEX), dataDir });
    const b = loadDataKey({ keyFile: keyFile(etc, 'b2'.repeat(32)), dataDir });
    expect(a.id).not.toBe(b.id);
    expect(loadDataKey({ keyFile: keyFile(etc, HEX), dataDir }).id).toBe(a.id);
  });
});

describe('parseKeyContent (key file bytes are outside input)', () => {
  it('returns 32 bytes or throws KEY_FILE_INVALID, for any content', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        let result: Buffer | undefined;
        try {
          result = parseKeyContent(Buffer.from(bytes));
        } catch (error) {
          expect(isPrivacyError(error, 'KEY_FILE_INVALID')).toBe(true);
          return;
        }
        expect(result.length).toBe(32);
      }),
    );
  });

  it('accepts any 64 hex digits with surrounding whitespace', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.constantFrom('', '\n', '\r\n', '  '),
        fc.boolean(),
        (bytes, pad, upper) => {
          const hex = Buffer.from(bytes).toString('hex');
          const text = `${pad}${upper ? hex.toUpperCase() : hex}${pad}\n`;
          expect(parseKeyContent(Buffer.from(text)).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
    );
  });
});
