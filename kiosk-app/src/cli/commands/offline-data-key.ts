import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfig } from '../../core/config/kiosk-config';
import { DEMO_KEY_PATH, isPrivacyError, loadDataKey, type DataKey } from '../../core/privacy';
import { CliError } from '../cli-error';

/**
 * The data key for commands that open the database themselves (no running core): the
 * provisioned key (`keyFile` in the config, else `KIOSK_KEY_FILE`), as the core loads it, or the
 * demo key a `kiosk serve --demo` left in the data folder. Never creates a key: a new one could
 * not open what is stored, and would only hide the real problem.
 */
export function loadOfflineDataKey(
  config: Pick<KioskConfig, 'dataDir' | 'keyFile'>,
  env: NodeJS.ProcessEnv = process.env,
): DataKey {
  const keyFile = config.keyFile ?? env.KIOSK_KEY_FILE;
  const demoKeyExists = existsSync(join(config.dataDir, DEMO_KEY_PATH));
  try {
    return loadDataKey({ keyFile, dataDir: config.dataDir, allowDemoKey: demoKeyExists });
  } catch (error) {
    if (isPrivacyError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}
