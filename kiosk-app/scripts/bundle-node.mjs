#!/usr/bin/env node
/**
 * Bundles the `kiosk` command (and the core it starts) into plain CommonJS, so that production
 * and the installed layout run JavaScript, not TypeScript compiled at run time by tsx:
 *
 *   src/cli/main.ts               → dist/node/kiosk.mjs              (bin/kiosk.mjs loads it)
 *   src/core/camera/ocr-worker.ts → dist/node/camera-ocr-worker.mjs  (the core's OCR thread)
 *   id-card's pcsc-host-entry.ts  → dist/node/pcsc-host.mjs          (the PC/SC host process)
 *   dist/node/chunks/             (each command's code, loaded when it runs)
 *   dist/node/resources/          (printer profiles and procedures read at run time)
 *
 * Run by `npm run build` (and so by `npm start`, `npm test`) and by the `prepare` script that
 * `npm install` / `npm ci` run. tsx stays for tests and development (`KIOSK_FROM_SOURCE=1`).
 *
 * Usage: node kiosk-app/scripts/bundle-node.mjs [--outdir DIR]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { CORE_RESOURCES, NATIVE_EXTERNALS } from './bundle-electron.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node 20 is the kiosk's runtime outside Electron. Packages that are large and only needed by
 * one command stay in node_modules rather than in the bundle, so `kiosk --help` stays fast.
 */
const NODE_TARGET = 'node20';
const LAZY_EXTERNALS = ['tesseract.js', '@napi-rs/canvas', 'electron'];

/**
 * ESM with code splitting: each command's code is a chunk loaded when that command runs. The
 * banner gives bundled CommonJS packages a `require`, and points the packages that read data
 * folders at the copies beside the bundle (their sources' relative paths no longer hold).
 */
const banner = [
  "import { createRequire as __kioskCreateRequire } from 'node:module';",
  "import { fileURLToPath as __kioskFileUrlToPath } from 'node:url';",
  'const require = __kioskCreateRequire(import.meta.url);',
  // Chunks live one folder down; every file resolves the same bundle folder.
  "const __kioskBundleDir = __kioskFileUrlToPath(new URL(import.meta.url.includes('/chunks/') ? '../' : './', import.meta.url));",
  ...CORE_RESOURCES.map(
    ({ to, env }) => `process.env.${env} ??= __kioskBundleDir + ${JSON.stringify(to)};`,
  ),
  // The renderer is built beside this bundle by vite (dist/renderer).
  "process.env.KIOSK_RENDERER_DIR ??= require('node:path').resolve(__kioskBundleDir, '../renderer');",
  "process.env.KIOSK_OCR_WORKER ??= __kioskBundleDir + 'camera-ocr-worker.mjs';",
  "process.env.KIOSK_PCSC_HOST ??= __kioskBundleDir + 'pcsc-host.mjs';",
].join('\n');

const ENTRIES = {
  kiosk: 'src/cli/main.ts',
  'camera-ocr-worker': 'src/core/camera/ocr-worker.ts',
  'pcsc-host': '../drivers/id-card/src/transport/pcsc-host-entry.ts',
};

/**
 * @param {{ outdir?: string }} options
 * @returns {Promise<string[]>} the files written
 */
export async function bundleNode(options = {}) {
  const outdir = path.resolve(options.outdir ?? path.join(appDir, 'dist', 'node'));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const written = [];
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, source]) => [name, path.join(appDir, source)]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    external: [...NATIVE_EXTERNALS, ...LAZY_EXTERNALS],
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: banner },
  });
  written.push(...Object.keys(ENTRIES).map((name) => path.join(outdir, `${name}.mjs`)));
  for (const { from, to } of CORE_RESOURCES) {
    const target = path.join(outdir, to);
    cpSync(path.join(appDir, from), target, { recursive: true });
    written.push(target);
  }
  const stamp = path.join(outdir, 'bundle.json');
  writeFileSync(stamp, `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  written.push(stamp);
  return written;
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  bundleNode({ outdir: values.outdir }).then(
    (files) => {
      for (const file of files) console.log(path.relative(process.cwd(), file));
    },
    (error) => {
      console.error(`bundle-node: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
