import { chownSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKioskConfig, type KioskConfig } from '../../core/config/kiosk-config';
import { readCoreEnvironment, type CoreEnvironment } from '../../core/config/core-environment';
import { ALL_MIGRATIONS } from '../../core/kiosk-core';
import {
  assertKeyMatchesDatabase,
  FieldCipher,
  isPrivacyError,
  ProtectedAuditRepository,
  type DataKey,
} from '../../core/privacy';
import { openDatabase, type KioskDatabase } from '../../core/store/database';
import { CliError } from '../cli-error';
import { loadOfflineDataKey } from './offline-data-key';

/** The kiosk database opened by a command itself, as the core opens it: with its data key. */
export interface OfflineDatabase {
  readonly config: KioskConfig;
  readonly db: KioskDatabase;
  readonly dataKey: DataKey;
  /** The audit log, its subjects sealed with the data key as the core seals them. */
  readonly audit: ProtectedAuditRepository;
  close(): void;
}

export interface OfflineDatabaseOptions {
  readonly dataDir?: string;
  readonly config?: string;
}

/**
 * The configuration and data folder a command works on: `--config` and `--data-dir`, else the
 * installed kiosk's own (KIOSK_CONFIG_DIR/kiosk.json, KIOSK_DATA_DIR, KIOSK_KEY_FILE, as the
 * systemd unit gives the core), else the defaults.
 */
export function offlineConfig(
  options: OfflineDatabaseOptions,
  env: CoreEnvironment = readCoreEnvironment(),
): KioskConfig {
  const config = loadKioskConfig(options.config ?? env.configFile);
  return {
    ...config,
    dataDir: resolve(options.dataDir ?? env.dataDir ?? config.dataDir),
    ...((config.keyFile ?? env.keyFile) ? { keyFile: config.keyFile ?? env.keyFile } : {}),
  };
}

/**
 * Run as root (`sudo kiosk setup code`), a command must not leave the database's WAL or
 * shared-memory file owned by root: the kiosk, running as its own user, could then no longer
 * write its database. They are handed back to the database file's owner.
 */
function keepDatabaseOwner(file: string): void {
  if (process.getuid?.() !== 0) return;
  const owner = statSync(file);
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion) && statSync(companion).uid !== owner.uid)
      chownSync(companion, owner.uid, owner.gid);
  }
}

/**
 * Opens `<dataDir>/kiosk.sqlite` with the provisioned data key (`keyFile` or `KIOSK_KEY_FILE`,
 * see `loadOfflineDataKey`). Only whoever can read that key, root or the kiosk's own user on
 * the machine, gets this far. Never creates a database: the kiosk makes it at its first start,
 * owned by its user, and one made here in a wrong folder would only hide the mistake.
 */
export function openOfflineDatabase(
  options: OfflineDatabaseOptions | KioskConfig,
): OfflineDatabase {
  const config = 'kioskId' in options ? options : offlineConfig(options);
  const file = join(config.dataDir, 'kiosk.sqlite');
  if (!existsSync(file))
    throw new CliError(
      `no running kiosk core and no kiosk database at ${file}: start the kiosk once ` +
        '(it creates it), or see --data-dir',
    );
  const dataKey = loadOfflineDataKey(config);
  const db = openDatabase(file, ALL_MIGRATIONS);
  keepDatabaseOwner(file);
  try {
    // A wrong key file is refused here, before anything is written with it.
    assertKeyMatchesDatabase(db, new FieldCipher(dataKey));
    const audit = new ProtectedAuditRepository(db, dataKey);
    const close = (): void => {
      keepDatabaseOwner(file);
      db.close();
    };
    return { config, db, dataKey, audit, close };
  } catch (error) {
    db.close();
    if (isPrivacyError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}
