import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeviceError } from '@kiosk/device';
import { PrinterProfileSchema, type PrinterProfile } from './printer-profile';

/**
 * The folder of bundled profiles: drivers/printer/profiles, or `KIOSK_PRINTER_PROFILES_DIR` where
 * the code runs from a bundle (the Electron core copies the profiles beside itself).
 */
export const PROFILES_DIR =
  process.env.KIOSK_PRINTER_PROFILES_DIR ??
  fileURLToPath(new URL('../../profiles', import.meta.url));

/** Parses a profile from JSON text; throws PRINTER_PROFILE_INVALID with zod's explanation. */
export function parseProfile(json: string, source = 'profile'): PrinterProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new DeviceError('PRINTER_PROFILE_INVALID', `${source} is not JSON`, { cause: error });
  }
  const parsed = PrinterProfileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DeviceError(
      'PRINTER_PROFILE_INVALID',
      `${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Names of the bundled profiles. */
export function listProfiles(dir = PROFILES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Loads a bundled profile by name (file name without `.json`). */
export function loadProfile(name: string, dir = PROFILES_DIR): PrinterProfile {
  if (!/^[a-z0-9-]+$/.test(name) || !listProfiles(dir).includes(name)) {
    throw new DeviceError(
      'PRINTER_PROFILE_UNKNOWN',
      `no printer profile "${name}"; known: ${listProfiles(dir).join(', ')}`,
    );
  }
  return parseProfile(readFileSync(join(dir, `${name}.json`), 'utf8'), `${name}.json`);
}
