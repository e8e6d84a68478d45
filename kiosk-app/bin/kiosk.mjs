#!/usr/bin/env node
// The `kiosk` command. Installed kiosks and `npm start` run the esbuild bundle
// (dist/node/kiosk.mjs, built by `npm run build` and by `npm install`'s prepare step). In a
// checkout whose sources are newer than the bundle, or with KIOSK_FROM_SOURCE=1, the TypeScript
// sources run through tsx instead, so a developer never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/node/kiosk.mjs', import.meta.url));
const stamp = fileURLToPath(new URL('../dist/node/bundle.json', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Everything the bundle is built from, relative to the repository root. */
const SOURCES = [
  'kiosk-app/src',
  'drivers/device/src',
  'drivers/id-card/src',
  'drivers/mrz/src',
  'drivers/scanner/src',
  'drivers/printer/src',
  'drivers/printer/profiles',
  'forms/src',
  'forms/procedures',
  'installer/src',
  'test-fixtures/src',
];

function newestBelow(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestBelow(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (process.env.KIOSK_FROM_SOURCE === '1' || !existsSync(bundle) || !existsSync(stamp))
    return false;
  const builtAt = statSync(stamp).mtimeMs;
  return SOURCES.every(
    (dir) => !existsSync(`${repo}${dir}`) || newestBelow(`${repo}${dir}`) <= builtAt,
  );
}

let main;
if (bundleIsCurrent()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
