/**
 * Each way a data key is refused names the fault and the fix in words a technician can act on,
 * and the refusals follow the file's real place and mode, not its spelling (symlinks, a data
 * directory that does not exist yet, a path that runs through a file).
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../testing/thrown-by';
import { dataKeyFromBytes, loadDataKey, parseKeyContent } from './data-key';
import { PrivacyError, isPrivacyError } from './privacy-error';

const HEX = 'c3'.repeat(32);

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-key-refusal-'));
  const dataDir = join(root, 'data');
  const etc = join(root, 'etc');
  mkdirSync(dataDir);
  mkdirSync(etc);
  return { root, dataDir, etc };
}

function writeKey(file: string, content: string | Buffer, mode = 0o600): string {
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

const posix = process.platform !== 'win32';

describe('a key made from bytes', () => {
  it('must have 32 bytes, and says how many it got', () => {
    const error = thrownBy(PrivacyError, () => dataKeyFromBytes(Buffer.alloc(31)));
    expect(error.code).toBe('KEY_FILE_INVALID');
    expect(error.message).toBe('a data key must be 32 bytes, not 31');
    expect(error.name).toBe('PrivacyError');
  });

  it('is an in-memory key unless told otherwise, and keeps its own copy of the bytes', () => {
    const bytes = Buffer.alloc(32, 5);
    const key = dataKeyFromBytes(bytes);
    expect(key.source).toBe('memory');
    expect(key.file).toBeUndefined();
    bytes.fill(6);
    expect(key.material.equals(Buffer.alloc(32, 5))).toBe(true);
  });
});

describe('a provisioned key file', () => {
  it('is accepted while the data directory does not exist yet (first start)', () => {
    const { root, etc } = folders();
    const key = loadDataKey({
      keyFile: writeKey(join(etc, 'data.key'), HEX),
      dataDir: join(root, 'not-created-yet'),
    });
    expect(key.material.equals(Buffer.from(HEX, 'hex'))).toBe(true);
    expect(key.file).toBe(join(etc, 'data.key'));
  });

  it('is refused when a link outside the data directory points at a key inside it', () => {
    const { dataDir, etc } = folders();
    const inside = writeKey(join(dataDir, 'data.key'), HEX);
    const link = join(etc, 'data.key');
    symlinkSync(inside, link);
    const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: link, dataDir }));
    expect(error.code).toBe('KEY_FILE_IN_DATA_DIR');
    expect(error.message).toBe(
      `The data key ${link} is inside the data directory ${dataDir}. Keep it outside (the ` +
        'install script uses /etc/cccd-kiosk/data.key), so a copy or backup of the database ' +
        'does not carry the key that decrypts it.',
    );
  });

  it('is refused when the data directory itself is given as the key (not a regular file)', () => {
    const { dataDir } = folders();
    const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: dataDir, dataDir }));
    expect(error.code).toBe('KEY_FILE_INVALID');
    expect(error.message).toBe(`The data key ${dataDir} is not a regular file.`);
  });

  it('names a missing file and where the key comes from', () => {
    const { dataDir, etc } = folders();
    const file = join(etc, 'gone.key');
    const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: file, dataDir }));
    expect(error.code).toBe('KEY_FILE_MISSING');
    expect(error.message).toContain(`The data key file ${file} does not exist.`);
    expect(error.message).toContain('The install script creates it');
  });

  it('reports a path it cannot even look at as unreadable, not missing', () => {
    const { dataDir, etc } = folders();
    const file = join(writeKey(join(etc, 'plain'), 'x'), 'data.key');
    const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: file, dataDir }));
    expect(error.code).toBe('KEY_FILE_UNREADABLE');
    expect(error.message).toMatch(new RegExp(`^Cannot read the data key file ${file}: ENOTDIR`));
  });

  it.runIf(posix)(
    'is refused when its group can read it, and accepted read-only by its owner',
    () => {
      const { dataDir, etc } = folders();
      const file = writeKey(join(etc, 'data.key'), HEX, 0o640);
      const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: file, dataDir }));
      expect(error.code).toBe('KEY_FILE_PERMISSIONS');
      expect(error.message).toBe(
        `The data key ${file} has mode 0640; it must be readable by the kiosk user only. ` +
          `Fix it with: chmod 0600 ${file}`,
      );
      chmodSync(file, 0o400);
      expect(loadDataKey({ keyFile: file, dataDir }).source).toBe('provisioned');
    },
  );

  it.runIf(posix)('is refused when anyone else can write it', () => {
    const { dataDir, etc } = folders();
    const file = writeKey(join(etc, 'data.key'), HEX, 0o602);
    expect(thrownBy(PrivacyError, () => loadDataKey({ keyFile: file, dataDir })).code).toBe(
      'KEY_FILE_PERMISSIONS',
    );
  });

  it.runIf(process.platform === 'linux')(
    'reports a file it may open but cannot read as unreadable',
    () => {
      // /proc/self/mem is a regular file, mode 0600, whose first bytes cannot be read (EIO).
      const { dataDir } = folders();
      const error = thrownBy(PrivacyError, () =>
        loadDataKey({ keyFile: '/proc/self/mem', dataDir }),
      );
      expect(error.code).toBe('KEY_FILE_UNREADABLE');
      expect(error.message).toMatch(/^Cannot read the data key file \/proc\/self\/mem: /);
    },
  );

  it('leaves the mode to the installer’s ACL on Windows', () => {
    const { dataDir, etc } = folders();
    const file = writeKey(join(etc, 'data.key'), HEX, 0o644);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      expect(loadDataKey({ keyFile: file, dataDir }).source).toBe('provisioned');
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
    if (posix) expect(() => loadDataKey({ keyFile: file, dataDir })).toThrow(PrivacyError);
  });

  it('says what it found when the content is not a key', () => {
    const { dataDir, etc } = folders();
    const file = writeKey(join(etc, 'data.key'), 'not a key\n');
    const error = thrownBy(PrivacyError, () => loadDataKey({ keyFile: file, dataDir }));
    expect(error.code).toBe('KEY_FILE_INVALID');
    expect(error.message).toBe(
      `${file} does not hold a 32-byte key (expected 64 hex digits or 32 raw bytes, found 10 bytes).`,
    );
  });
});

describe('the key file content', () => {
  it('takes exactly 64 hex digits: one more or one fewer is refused', () => {
    expect(() => parseKeyContent(Buffer.from(`${HEX}0`))).toThrow(PrivacyError);
    expect(() => parseKeyContent(Buffer.from(HEX.slice(1)))).toThrow(PrivacyError);
    expect(() => parseKeyContent(Buffer.from(`x${HEX}`))).toThrow(PrivacyError);
    expect(parseKeyContent(Buffer.from(` ${HEX}\t\n`)).equals(Buffer.from(HEX, 'hex'))).toBe(true);
  });

  it('names the data key when no file is given', () => {
    expect(() => parseKeyContent(Buffer.from('short'))).toThrow(/^the data key does not hold/);
  });
});

describe('without a key file', () => {
  it('names the setting and the installer’s path', () => {
    const { dataDir } = folders();
    const error = thrownBy(PrivacyError, () => loadDataKey({ dataDir }));
    expect(error.code).toBe('KEY_FILE_MISSING');
    expect(error.message).toContain('/etc/cccd-kiosk/data.key');
    expect(error.message).toContain('or start in demo mode');
  });

  it('reports a demo key it cannot create', () => {
    const { root } = folders();
    const dataDir = writeKey(join(root, 'data-is-a-file'), 'x');
    const error = thrownBy(PrivacyError, () => loadDataKey({ dataDir, allowDemoKey: true }));
    expect(isPrivacyError(error, 'KEY_FILE_UNREADABLE')).toBe(true);
    expect(error.message).toMatch(
      new RegExp(`^Cannot create the demo data key ${join(dataDir, 'keys', 'data.key')}: `),
    );
  });
});

describe('isPrivacyError', () => {
  it('matches a code only when asked for that code', () => {
    const error = new PrivacyError('KEY_MISMATCH', 'x');
    expect(isPrivacyError(error)).toBe(true);
    expect(isPrivacyError(error, 'KEY_MISMATCH')).toBe(true);
    expect(isPrivacyError(error, 'KEY_UNKNOWN')).toBe(false);
    expect(isPrivacyError(new Error('x'))).toBe(false);
  });
});
