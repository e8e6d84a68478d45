/**
 * A throw-away stand-in for `/` laid out as the Debian package lays out a kiosk
 * (installer/linux/deb/after-install.sh): every path the unit's `Environment=` names is moved
 * under the stand-in root, the configuration root is root-owned (group: the kiosk user's, 0750),
 * the data folder and the data key belong to the user the unit runs as, and `kiosk.json` is
 * written by root as a technician writes it with sudo. The core then runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME } from '../../src/core/config/core-environment';
import { KIOSK_BIN } from '../kiosk-process';
import type { KioskUnit } from './systemd-unit';

/** Why these tests cannot run here, or undefined when they can. */
export function installedLayoutUnavailable(): string | undefined {
  return process.getuid?.() === 0
    ? undefined
    : 'needs root: an installed kiosk refuses a configuration root not owned by root, so the ' +
        'stand-in root must be made by root (CI runs the tests as root)';
}

/** The account the unit's `User=` names, or `nobody` where no kiosk package made that user. */
export interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

function passwdEntry(user: string): RunAs | undefined {
  const result = spawnSync('getent', ['passwd', user], { encoding: 'utf8' });
  const [name, , uid, gid] = result.stdout.trim().split(':');
  if (result.status !== 0 || name === undefined) return undefined;
  return { user: name, uid: Number(uid), gid: Number(gid) };
}

export function unitUser(unit: KioskUnit): RunAs {
  const user = passwdEntry(unit.user) ?? passwdEntry('nobody');
  if (user === undefined) throw new Error(`neither ${unit.user} nor nobody exists on this machine`);
  return user;
}

export interface InstalledRoot {
  /** The stand-in for `/`. */
  readonly root: string;
  /** The unit's `Environment=`, its absolute paths moved under `root`. */
  readonly environment: Readonly<Record<string, string>>;
  readonly configDir: string;
  readonly configFile: string;
  readonly dataDir: string;
  readonly keyFile: string;
  readonly workingDirectory: string;
  readonly umask: number;
  readonly runAs: RunAs;
  remove(): void;
}

function required(unit: KioskUnit, name: string): string {
  const value = unit.environment[name];
  if (value === undefined) throw new Error(`the kiosk unit does not set ${name}`);
  return value;
}

/** Creates the folders and files of an installed kiosk; `config` becomes kiosk.json. */
export function provisionInstalledRoot(
  unit: KioskUnit,
  config: Record<string, unknown>,
): InstalledRoot {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-installed-'));
  chmodSync(root, 0o755);
  const under = (path: string): string => (path.startsWith('/') ? join(root, path) : path);
  const environment = Object.fromEntries(
    Object.entries(unit.environment).map(([name, value]) => [name, under(value)]),
  );
  const runAs = unitUser(unit);
  const configDir = under(required(unit, 'KIOSK_CONFIG_DIR'));
  const dataDir = under(required(unit, 'KIOSK_DATA_DIR'));
  const keyFile = under(required(unit, 'KIOSK_KEY_FILE'));
  const configFile = join(configDir, CONFIG_FILE_NAME);

  for (const dir of [configDir, dataDir]) mkdirSync(dirname(dir), { recursive: true, mode: 0o755 });
  mkdirSync(configDir);
  chownSync(configDir, 0, runAs.gid);
  chmodSync(configDir, 0o750);
  mkdirSync(dataDir);
  chownSync(dataDir, runAs.uid, runAs.gid);
  chmodSync(dataDir, 0o750);
  // 32 random bytes as 64 hex digits, the kiosk user's alone (after-install.sh provision_key).
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o755 });
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  chownSync(keyFile, runAs.uid, runAs.gid);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o644 });

  return {
    root,
    environment,
    configDir,
    configFile,
    dataDir,
    keyFile,
    workingDirectory: under(unit.workingDirectory),
    umask: unit.umask,
    runAs,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface TrustImportReport {
  readonly dir: string;
  readonly added: string[];
}

/** `kiosk trust import FILE --json` as a technician runs it (as root) on the installed kiosk. */
export function importTrust(installed: InstalledRoot, file: string): TrustImportReport {
  const result = spawnSync(process.execPath, [KIOSK_BIN, 'trust', 'import', file, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_CONFIG_DIR: installed.environment.KIOSK_CONFIG_DIR },
  });
  if (result.status !== 0)
    throw new Error(`kiosk trust import failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as TrustImportReport;
}
