/**
 * Where a kiosk gets the public keys its configuration bundles must be signed with: the `*.pem`
 * files of one folder in the root-owned configuration root (`KIOSK_CONFIG_DIR/config-signers/`
 * on an installed kiosk, `configSignersDir` in the configuration otherwise). The keys are read
 * at each apply, so a rotated key needs no restart. They are not settings: no bundle, API
 * message or setting can add or replace one.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  publicKeyFromPem,
  SignedConfigError,
  type TrustedKey,
} from '@kiosk/installer/signed-config';

/** The signer folder inside an installed kiosk's configuration root. */
export const CONFIG_SIGNERS_FOLDER = 'config-signers';

/** The configured signer folder: the configuration's, else the installed root's, else none. */
export function configSignersDirOf(
  config: { readonly configSignersDir?: string },
  configRoot: string | undefined,
): string | undefined {
  return (
    config.configSignersDir ??
    (configRoot === undefined ? undefined : join(configRoot, CONFIG_SIGNERS_FOLDER))
  );
}

const POSIX = process.platform !== 'win32';

/**
 * Whoever can write a signer key can sign any configuration, so a key file and its folder must
 * be writable only by their owner, and owned by the owner of the folder above (root on an
 * installed kiosk, whose configuration root `checkConfigRoot` requires to be root-owned).
 * Not checked on Windows, where the installer sets an ACL.
 */
function requireProtected(path: string, stats: Stats, owner: number): void {
  if (!POSIX) return;
  if ((stats.mode & 0o022) !== 0)
    throw new SignedConfigError(
      'CONFIG_SIGNER_EXPOSED',
      `${path} is writable by group or others (mode ${(stats.mode & 0o777).toString(8)}): ` +
        `run \`chmod go-w ${path}\`; no bundle is trusted until then`,
    );
  if (stats.uid !== owner)
    throw new SignedConfigError(
      'CONFIG_SIGNER_EXPOSED',
      `${path} is owned by uid ${stats.uid}, not by uid ${owner} like the folder above it; ` +
        `no bundle is trusted until then`,
    );
}

/** The trusted signer keys, or a refusal naming the folder and what to do. */
export function loadConfigSigners(dir: string | undefined): TrustedKey[] {
  if (dir === undefined)
    throw new SignedConfigError(
      'CONFIG_NO_SIGNERS',
      `no configuration signer key is configured: install the centre's public key in ` +
        `KIOSK_CONFIG_DIR/${CONFIG_SIGNERS_FOLDER}/ (or set configSignersDir)`,
    );
  let folder: Stats;
  let parent: Stats;
  try {
    folder = statSync(dir);
    parent = statSync(dirname(dir));
  } catch {
    throw new SignedConfigError(
      'CONFIG_NO_SIGNERS',
      `the configuration signer folder ${dir} does not exist: install the centre's public key there`,
    );
  }
  if (!folder.isDirectory())
    throw new SignedConfigError('CONFIG_NO_SIGNERS', `${dir} is not a folder of signer keys`);
  requireProtected(dir, folder, parent.uid);
  const keys = readdirSync(dir)
    .filter((name) => name.endsWith('.pem'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const stats = statSync(file);
      if (!stats.isFile())
        throw new SignedConfigError('CONFIG_KEY_INVALID', `${file} is not a key file`);
      requireProtected(file, stats, folder.uid);
      try {
        return publicKeyFromPem(readFileSync(file, 'utf8'));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SignedConfigError('CONFIG_KEY_INVALID', `${file}: ${reason}`);
      }
    });
  if (keys.length === 0)
    throw new SignedConfigError(
      'CONFIG_NO_SIGNERS',
      `no signer key (*.pem) in ${dir}: install the centre's public key there`,
    );
  return keys;
}
