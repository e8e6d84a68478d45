/**
 * The app's version and build commit, written by scripts/bundle-electron.mjs next to the bundles
 * (dist/electron/build-info.json) and passed to the core, which shows them in the technician
 * screens' About panel (issue 9).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const BuildInfo = z.object({
  version: z.string().min(1),
  commit: z.string().regex(/^([0-9a-f]{7,40}|unknown)$/),
  builtAt: z.iso.datetime(),
});
export type BuildInfo = z.infer<typeof BuildInfo>;

export const BUILD_INFO_FILE = 'dist/electron/build-info.json';

/** Reads the build info; a missing or malformed file yields `unknown` rather than no kiosk. */
export function readBuildInfo(appPath: string, fallbackVersion: string): BuildInfo {
  try {
    const raw: unknown = JSON.parse(readFileSync(path.join(appPath, BUILD_INFO_FILE), 'utf8'));
    return BuildInfo.parse(raw);
  } catch {
    return { version: fallbackVersion, commit: 'unknown', builtAt: new Date(0).toISOString() };
  }
}

/** Environment variables the core reads for its About panel. */
export function buildInfoEnv(info: BuildInfo): Record<string, string> {
  return {
    KIOSK_APP_VERSION: info.version,
    KIOSK_BUILD_COMMIT: info.commit,
    KIOSK_BUILT_AT: info.builtAt,
  };
}
