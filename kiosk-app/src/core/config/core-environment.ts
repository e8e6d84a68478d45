import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './kiosk-config';

/**
 * Every environment variable the core process reads, with what it means. The systemd unit
 * (installer/linux/systemd/cccd-kiosk.service) may set only these and the shell's own
 * (SHELL_ENVIRONMENT); core-environment.test.ts reads the unit file and fails otherwise.
 */
export const CORE_ENVIRONMENT = {
  KIOSK_CONFIG_DIR:
    'the configuration root of an installed kiosk (/etc/cccd-kiosk): kiosk.json, trust store, config-signers/',
  KIOSK_CONFIG: 'one configuration file, instead of KIOSK_CONFIG_DIR/kiosk.json (development)',
  KIOSK_DATA_DIR: 'the data folder (database, logs); overrides dataDir of the configuration',
  KIOSK_KEY_FILE: 'the at-rest data key file, provisioned at install outside the data folder',
  KIOSK_DEMO: '1: the embedded simulators and virtual devices instead of the real drivers',
  KIOSK_PAGE_ORIGIN:
    "the origin of the shell's kiosk page, the one allowed to open the API (the Electron shell " +
    'sets kiosk://app; the installed-layout test its stand-in origin)',
} as const;

/** Read by the Electron shell or the compositor, not by the core. */
export const SHELL_ENVIRONMENT = {
  XDG_SESSION_TYPE: 'tells Electron/Chromium to run on Wayland under cage',
} as const;

export interface CoreEnvironment {
  /** The configuration file to load, if any. */
  readonly configFile?: string;
  /** The configuration root, when the kiosk runs installed. */
  readonly configDir?: string;
  readonly dataDir?: string;
  readonly keyFile?: string;
  readonly demo: boolean;
  /** The shell page's origin (`scheme://host[:port]`) allowed to open the API. */
  readonly pageOrigin?: string;
}

/** The configuration file of an installed kiosk, inside its configuration root. */
export const CONFIG_FILE_NAME = 'kiosk.json';

/**
 * The CSCA trust store (`kiosk trust import`): in the configuration root of an installed
 * kiosk, root-owned like the rest of it; elsewhere in the data folder.
 */
export function trustStoreDir(env: Pick<CoreEnvironment, 'configDir'>, dataDir: string): string {
  return join(env.configDir ?? dataDir, 'csca');
}

/** The core's environment, parsed once at the edge. */
export function readCoreEnvironment(env: NodeJS.ProcessEnv = process.env): CoreEnvironment {
  const configDir = nonEmpty(env.KIOSK_CONFIG_DIR);
  const configFile =
    nonEmpty(env.KIOSK_CONFIG) ?? (configDir ? join(configDir, CONFIG_FILE_NAME) : undefined);
  return {
    configFile,
    configDir,
    dataDir: nonEmpty(env.KIOSK_DATA_DIR),
    keyFile: nonEmpty(env.KIOSK_KEY_FILE),
    demo: env.KIOSK_DEMO === '1',
    pageOrigin: pageOriginOf(nonEmpty(env.KIOSK_PAGE_ORIGIN)),
  };
}

/**
 * An origin as a browser sends it in the Origin header: scheme and host (and port), nothing
 * else. `URL.origin` is "null" for custom schemes such as kiosk://, so it is rebuilt by hand.
 */
function pageOriginOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`KIOSK_PAGE_ORIGIN "${value}" is not an origin (scheme://host)`);
  }
  const origin = `${url.protocol}//${url.host}`;
  if (url.host === '' || value !== origin)
    throw new ConfigError(
      `KIOSK_PAGE_ORIGIN "${value}" is not an origin: give scheme://host[:port], no path`,
    );
  return origin;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export interface OwnershipRule {
  /** The owner the root must have: root (0) on an installed kiosk. */
  readonly uid: number;
}

/**
 * An installed kiosk's configuration root must be root-owned and writable by nobody else, since
 * it holds the endpoints, the trust store and the kiosk's identity: if the kiosk user could edit
 * it, a compromised renderer or core could redirect dossiers. Refuses with the path and the fix.
 */
export function checkConfigRoot(dir: string, rule: OwnershipRule = { uid: 0 }): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    throw new ConfigError(
      `the configuration root ${dir} (KIOSK_CONFIG_DIR) cannot be read: ${describe(error)}`,
    );
  }
  if (!stats.isDirectory())
    throw new ConfigError(`the configuration root ${dir} (KIOSK_CONFIG_DIR) is not a folder`);
  if (stats.uid !== rule.uid)
    throw new ConfigError(
      `the configuration root ${dir} is owned by uid ${stats.uid}, not ${rule.uid}: ` +
        `run \`chown root:root ${dir}\``,
    );
  if ((stats.mode & 0o022) !== 0)
    throw new ConfigError(
      `the configuration root ${dir} is writable by group or others (mode ` +
        `${(stats.mode & 0o777).toString(8)}): run \`chmod go-w ${dir}\``,
    );
  const file = join(dir, CONFIG_FILE_NAME);
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new ConfigError(`the configuration file ${file} cannot be read: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
