import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeNewSecretFile } from './new-secret-file';
import { PrivacyError } from './privacy-error';

/** AES-256 needs 32 bytes; the install script writes them as 64 hex digits and a newline. */
export const DATA_KEY_BYTES = 32;

/** Where a demo/development key is created when no key file is configured. */
export const DEMO_KEY_PATH = join('keys', 'data.key');

export interface DataKey {
  /** Short fingerprint of the key (not secret): names the key inside every sealed value. */
  readonly id: string;
  readonly material: Buffer;
  /** `provisioned`: from the installed key file; `demo`: created beside the data for demo/dev. */
  readonly source: 'provisioned' | 'demo' | 'memory';
  readonly file?: string;
}

export interface LoadDataKeyOptions {
  /** The provisioned key file (`KIOSK_KEY_FILE`, `/etc/cccd-kiosk/data.key` on Linux). */
  readonly keyFile?: string;
  /** The kiosk's data directory (`KIOSK_DATA_DIR`), which holds the database. */
  readonly dataDir: string;
  /**
   * Without a key file, create (or reuse) `<dataDir>/keys/data.key`. Only for `--demo` and
   * development: the key then travels with every copy of the data folder, so it protects the
   * database file on its own (a copied `kiosk.sqlite`) but not a copied folder or a stolen disk.
   */
  readonly allowDemoKey?: boolean;
}

/** A key from raw bytes (tests, key rotation tooling). */
export function dataKeyFromBytes(
  material: Buffer,
  source: DataKey['source'] = 'memory',
  file?: string,
): DataKey {
  if (material.length !== DATA_KEY_BYTES)
    throw new PrivacyError(
      'KEY_FILE_INVALID',
      `a data key must be ${DATA_KEY_BYTES} bytes, not ${material.length}`,
    );
  const id = createHmac('sha256', material)
    .update('cccd-kiosk key id v1')
    .digest('hex')
    .slice(0, 8);
  return { id, material: Buffer.from(material), source, file };
}

/**
 * A purpose-bound subkey (RFC 5869 HKDF-SHA256), so the cipher key and the blind-index key are
 * independent even though one file is provisioned.
 */
export function deriveSubkey(key: DataKey, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', key.material, Buffer.alloc(0), `cccd-kiosk ${purpose}`, 32),
  );
}

/**
 * Loads the at-rest data key. A provisioned key file must exist, be a regular file readable by
 * its owner only (mode 0600 or stricter; not checked on Windows, where the installer sets an ACL),
 * lie outside the data directory (a backup of the data must not carry its key) and hold 32 bytes,
 * raw or as 64 hex digits.
 */
export function loadDataKey(options: LoadDataKeyOptions): DataKey {
  if (options.keyFile) {
    const file = resolve(options.keyFile);
    checkOutsideDataDir(file, options.dataDir);
    return readKeyFile(file, 'provisioned');
  }
  if (!options.allowDemoKey)
    throw new PrivacyError(
      'KEY_FILE_MISSING',
      'No data key file is configured. Set KIOSK_KEY_FILE to the key the install script ' +
        'provisioned (/etc/cccd-kiosk/data.key on Linux), or start in demo mode.',
    );
  const file = resolve(options.dataDir, DEMO_KEY_PATH);
  createDemoKeyIfMissing(file);
  return readKeyFile(file, 'demo');
}

function createDemoKeyIfMissing(file: string): void {
  try {
    writeNewSecretFile(file, `${randomBytes(DATA_KEY_BYTES).toString('hex')}\n`);
  } catch (error) {
    throw new PrivacyError(
      'KEY_FILE_UNREADABLE',
      `Cannot create the demo data key ${file}: ${(error as Error).message}`,
    );
  }
}

function checkOutsideDataDir(file: string, dataDir: string): void {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const inside = relative(real(dataDir), real(file));
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside))
    throw new PrivacyError(
      'KEY_FILE_IN_DATA_DIR',
      `The data key ${file} is inside the data directory ${dataDir}. Keep it outside (the ` +
        'install script uses /etc/cccd-kiosk/data.key), so a copy or backup of the database ' +
        'does not carry the key that decrypts it.',
    );
}

function readKeyFile(file: string, source: DataKey['source']): DataKey {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PrivacyError(
      missing ? 'KEY_FILE_MISSING' : 'KEY_FILE_UNREADABLE',
      missing
        ? `The data key file ${file} does not exist. The install script creates it; if the kiosk ` +
            "was moved or restored, put back the key from the centre's backup."
        : `Cannot read the data key file ${file}: ${(error as Error).message}`,
    );
  }
  if (!stat.isFile())
    throw new PrivacyError('KEY_FILE_INVALID', `The data key ${file} is not a regular file.`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
    throw new PrivacyError(
      'KEY_FILE_PERMISSIONS',
      `The data key ${file} has mode 0${(stat.mode & 0o777).toString(8)}; it must be readable ` +
        `by the kiosk user only. Fix it with: chmod 0600 ${file}`,
    );
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new PrivacyError(
      'KEY_FILE_UNREADABLE',
      `Cannot read the data key file ${file}: ${(error as Error).message}`,
    );
  }
  return dataKeyFromBytes(parseKeyContent(content, file), source, file);
}

/** 32 raw bytes, or 64 hex digits with optional surrounding whitespace (the installer's form). */
export function parseKeyContent(content: Buffer, file = 'the data key'): Buffer {
  if (content.length === DATA_KEY_BYTES) return content;
  const text = content.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  throw new PrivacyError(
    'KEY_FILE_INVALID',
    `${file} does not hold a ${DATA_KEY_BYTES}-byte key (expected 64 hex digits or 32 raw bytes, ` +
      `found ${content.length} bytes).`,
  );
}
