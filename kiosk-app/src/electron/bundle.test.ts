import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const appDir = path.resolve(import.meta.dirname, '../..');
const script = path.join(appDir, 'scripts', 'bundle-electron.mjs');
const coreEntryExists = existsSync(path.join(appDir, 'src', 'core', 'process-entry.ts'));

/**
 * Names a CommonJS bundle still `require`s at run time, Node built-ins left out. A `node:` name
 * is a built-in by definition even where this Node lacks it (undici's `node:sqlite` is in
 * Electron's Node 22, not in the Node 20 running the tests).
 */
function requiredModules(bundle: string): string[] {
  const names = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].filter((name) => !isBuiltin(name) && !name.startsWith('node:')).sort();
}

describe('scripts/bundle-electron.mjs', () => {
  let outdir = '';
  beforeAll(async () => {
    outdir = await mkdtemp(path.join(tmpdir(), 'kiosk-bundle-'));
    const only = coreEntryExists ? 'main,preload,core' : 'main,preload';
    await run(process.execPath, [script, '--only', only, '--outdir', outdir]);
  }, 60_000);
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it('bundles the main process to CommonJS that needs only electron and Node built-ins', async () => {
    const main = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    expect(requiredModules(main)).toEqual(['electron']);
    // Checklist item 15: the shell never hands a URL to the desktop.
    expect(main).not.toContain('openExternal');
  });

  it('bundles the sandboxed preload with nothing but electron', async () => {
    const preload = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).toContain('kiosk:get-core-endpoint');
  });

  it('writes the build info the core shows in its About panel', async () => {
    const info: unknown = JSON.parse(await readFile(path.join(outdir, 'build-info.json'), 'utf8'));
    expect(info).toMatchObject({ version: expect.any(String), commit: expect.any(String) });
  });

  it.skipIf(!coreEntryExists)('keeps native modules external in the core bundle', async () => {
    const core = await readFile(path.join(outdir, 'core.cjs'), 'utf8');
    const natives = [
      'better-sqlite3',
      '@pokusew/pcsclite',
      'serialport',
      'node-hid',
      // The receipt signing token's PKCS#11 binding (issue 17).
      'pkcs11js',
      '@napi-rs/canvas',
    ];
    for (const name of requiredModules(core)) {
      expect(
        natives.some((n) => name === n || name.startsWith(`${n}/`)) ||
          name.startsWith('@serialport/') ||
          ['bufferutil', 'utf-8-validate', 'usb'].includes(name),
        name,
      ).toBe(true);
    }
  });

  it.skipIf(!coreEntryExists)(
    'runs the bundled core on its own copies of the printer profiles and procedures',
    async () => {
      expect(
        existsSync(path.join(outdir, 'resources/printer-profiles/epson-80mm-tcvn3.json')),
      ).toBe(true);
      const dataDir = await mkdtemp(path.join(tmpdir(), 'kiosk-bundle-data-'));
      // Out of the source tree: only the copies beside the bundle can be found.
      const core = spawn(process.execPath, [path.join(outdir, 'core.cjs')], {
        env: {
          ...process.env,
          KIOSK_DEMO: '1',
          KIOSK_DEMO_CARD: 'in-process',
          KIOSK_DATA_DIR: dataDir,
          KIOSK_PRINTER_PROFILES_DIR: undefined,
          KIOSK_PROCEDURES_DIR: undefined,
          NODE_PATH: path.resolve(appDir, '..', 'node_modules'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const ready = await new Promise<boolean>((resolve) => {
        const look = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('KIOSK_READY')) resolve(true);
        };
        core.stdout.on('data', look);
        core.stderr.on('data', look);
        core.once('exit', () => resolve(false));
      });
      core.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
      expect(output).not.toContain('ENOENT');
      expect(ready, output.slice(-2000)).toBe(true);
    },
    60_000,
  );
});
