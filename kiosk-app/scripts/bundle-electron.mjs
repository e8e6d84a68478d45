#!/usr/bin/env node
/**
 * Bundles the Electron shell and the kiosk core into plain CommonJS for packaging:
 *
 *   src/electron/main.ts        → dist/electron/main.cjs     (Electron main process)
 *   src/electron/preload.ts     → dist/electron/preload.cjs  (sandboxed preload)
 *   src/core/process-entry.ts   → dist/electron/core.cjs     (forked in a utilityProcess)
 *   src/core/camera/ocr-worker.ts → dist/electron/camera-ocr-worker.cjs (the core's OCR thread,
 *                                   found beside core.cjs by core/camera/mrz-frame-reader.ts)
 *   drivers/id-card/src/transport/pcsc-host-entry.ts → dist/electron/pcsc-host.cjs (the process
 *                                   owning pcsclite, forked beside core.cjs by pcsc-host-process.ts)
 *   dist/electron/resources/     (printer profiles and procedures the core reads at run time)
 *   dist/electron/build-info.json (version + commit for the technician About panel)
 *
 * Workspace packages (@kiosk/*) export TypeScript source, so they are bundled in; native modules
 * cannot be bundled and stay `require`d from node_modules, where electron-builder rebuilds them
 * for Electron's ABI (electron-builder.yml: npmRebuild, buildDependenciesFromSource).
 *
 * Usage: node kiosk-app/scripts/bundle-electron.mjs [--only main,preload,core] [--outdir DIR]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Modules with native addons (or optional native speed-ups): never bundled. */
export const NATIVE_EXTERNALS = [
  'electron',
  'better-sqlite3',
  '@pokusew/pcsclite',
  'serialport',
  '@serialport/*',
  'node-hid',
  'usb',
  'pkcs11js',
  '@napi-rs/canvas',
  '@napi-rs/canvas-*',
  'bufferutil',
  'utf-8-validate',
];

/** Electron 45 runs Node 22 in the main and utility processes, Chromium 140 in the renderer. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** `import.meta.url` does not exist in CommonJS; give ESM-authored code the file URL it expects. */
const importMetaShim = {
  banner: {
    js: "const __kioskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  define: { 'import.meta.url': '__kioskImportMetaUrl' },
};

/**
 * Data folders the core reads at run time, copied beside the bundle (workspace packages find
 * them relative to their source, which a bundle no longer has). The core's banner points the
 * packages at the copies unless the environment already says otherwise.
 */
export const CORE_RESOURCES = [
  {
    from: '../drivers/printer/profiles',
    to: 'resources/printer-profiles',
    env: 'KIOSK_PRINTER_PROFILES_DIR',
  },
  { from: '../forms/procedures', to: 'resources/procedures', env: 'KIOSK_PROCEDURES_DIR' },
];

const coreBanner = CORE_RESOURCES.map(
  ({ to, env }) =>
    `process.env.${env} ??= require('node:path').join(__dirname, ${JSON.stringify(to)});`,
).join('\n');

export const ENTRIES = {
  main: { source: 'src/electron/main.ts', out: 'main.cjs', platform: 'node', target: NODE_TARGET },
  preload: {
    source: 'src/electron/preload.ts',
    out: 'preload.cjs',
    // Sandboxed preloads get a browser-like context with a tiny `require` (electron + a few
    // polyfills), so nothing Node-only may end up in this bundle.
    platform: 'browser',
    target: CHROME_TARGET,
  },
  core: {
    source: 'src/core/process-entry.ts',
    out: 'core.cjs',
    platform: 'node',
    target: NODE_TARGET,
  },
  cameraWorker: {
    source: 'src/core/camera/ocr-worker.ts',
    out: 'camera-ocr-worker.cjs',
    platform: 'node',
    target: NODE_TARGET,
  },
  pcscHost: {
    source: '../drivers/id-card/src/transport/pcsc-host-entry.ts',
    out: 'pcsc-host.cjs',
    platform: 'node',
    target: NODE_TARGET,
  },
};

function buildCommit() {
  if (process.env.KIOSK_BUILD_COMMIT) return process.env.KIOSK_BUILD_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: appDir, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * @param {{ only?: string[], outdir?: string }} options
 * @returns {Promise<string[]>} the files written
 */
export async function bundleElectron(options = {}) {
  const outdir = path.resolve(options.outdir ?? path.join(appDir, 'dist', 'electron'));
  const names = options.only ?? Object.keys(ENTRIES);
  mkdirSync(outdir, { recursive: true });
  const written = [];
  for (const name of names) {
    const entry = ENTRIES[name];
    if (entry === undefined)
      throw new Error(`Unknown entry '${name}' (known: ${Object.keys(ENTRIES).join(', ')})`);
    const source = path.join(appDir, entry.source);
    if (!existsSync(source)) throw new Error(`Entry ${entry.source} does not exist`);
    const outfile = path.join(outdir, entry.out);
    await build({
      entryPoints: [source],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: entry.platform,
      target: entry.target,
      external: NATIVE_EXTERNALS,
      sourcemap: 'linked',
      legalComments: 'linked',
      logLevel: 'warning',
      define: {
        'process.env.NODE_ENV': '"production"',
        ...(entry.platform === 'node' ? importMetaShim.define : {}),
      },
      banner:
        entry.platform !== 'node'
          ? undefined
          : name === 'core'
            ? { js: `${importMetaShim.banner.js}\n${coreBanner}` }
            : importMetaShim.banner,
    });
    written.push(outfile);
    if (name === 'core') {
      for (const { from, to } of CORE_RESOURCES) {
        const target = path.join(outdir, to);
        cpSync(path.join(appDir, from), target, { recursive: true });
        written.push(target);
      }
    }
  }
  const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
  const infoFile = path.join(outdir, 'build-info.json');
  writeFileSync(
    infoFile,
    `${JSON.stringify({ version: pkg.version, commit: buildCommit(), builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  written.push(infoFile);
  return written;
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, outdir: { type: 'string' } },
  });
  bundleElectron({ only: values.only?.split(','), outdir: values.outdir }).then(
    (files) => {
      for (const file of files) console.log(path.relative(process.cwd(), file));
    },
    (error) => {
      console.error(`bundle-electron: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
