/**
 * Before the installed-layout tests: the Electron bundles are built from the current sources
 * (dist/electron, as `npm run build` makes them; seconds), and the renderer must be built and
 * newer than its sources, or the tests would load an old page and prove nothing about this one.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { bundleElectron } from '../../scripts/bundle-electron.mjs';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_ENTRY = join(APP_DIR, 'dist', 'renderer', 'index.html');
/** What the renderer bundle is made of (vite.config.ts: src/renderer, with @kiosk/protocol). */
const RENDERER_SOURCES = ['src/renderer', '../protocol/src'].map((dir) => join(APP_DIR, dir));

function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default async function setup(): Promise<void> {
  let built: number;
  try {
    built = statSync(RENDERER_ENTRY).mtimeMs;
  } catch {
    throw new Error(`the renderer is not built (${RENDERER_ENTRY}): run \`npm run build\` first`);
  }
  if (Math.max(...RENDERER_SOURCES.map(newestFile)) > built)
    throw new Error('the renderer is older than its sources: run `npm run build` first');
  await (bundleElectron as () => Promise<string[]>)();
}
