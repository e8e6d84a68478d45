#!/usr/bin/env node
/**
 * `npm start`: the kiosk in demo mode. Electron where its binary is installed; otherwise the
 * browser shell (`kiosk serve --demo`), which prints the URL to open in Chromium.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

/**
 * The Electron binary, if its package has one installed. Not `require('electron')`: that tries
 * to download the binary when it is missing, which fails offline with a stack trace.
 */
function installedElectron() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const electronBinary = installedElectron();

const args = process.argv.slice(2);
const child = electronBinary
  ? spawn('npm', ['run', 'start:electron', '-w', '@kiosk/app'], {
      stdio: 'inherit',
      env: { ...process.env, KIOSK_DEMO: '1' },
    })
  : spawn(process.execPath, ['kiosk-app/bin/kiosk.mjs', 'serve', '--demo', ...args], {
      stdio: 'inherit',
    });
if (!electronBinary)
  console.log('Electron is not installed here: starting the browser shell (kiosk serve --demo).');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
