/**
 * Start-up of the `kiosk` command: `kiosk --help`, and `kiosk serve --demo` until the core says
 * KIOSK_READY, each run 10 times from the esbuild bundle (what installed kiosks and `npm start`
 * run) and 10 times from the TypeScript sources through tsx (KIOSK_FROM_SOURCE=1), in the same
 * run, so the ratio holds whatever else the machine is doing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchModule } from '../../scripts/bench';
import { median, round } from '../../scripts/stats';
import { KIOSK_BIN } from '../test/kiosk-process';

const RUNS = 10;

type Mode = 'bundle' | 'tsx';

function envFor(mode: Mode): NodeJS.ProcessEnv {
  return { ...process.env, KIOSK_FROM_SOURCE: mode === 'tsx' ? '1' : '0' };
}

function helpMs(mode: Mode): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [KIOSK_BIN, '--help'], { env: envFor(mode) });
  if (result.status !== 0) throw new Error(`kiosk --help exited ${result.status}`);
  return performance.now() - started;
}

function serveReadyMs(mode: Mode): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-start-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [KIOSK_BIN, 'serve', '--demo', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...envFor(mode), KIOSK_DEMO_CARD: 'in-process' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('KIOSK_READY')) {
        const ms = performance.now() - started;
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve(ms);
        });
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!out.includes('KIOSK_READY'))
        reject(new Error(`kiosk serve exited ${code} before ready`));
    });
  });
}

async function measure(run: (mode: Mode) => number | Promise<number>) {
  const times: Record<Mode, number[]> = { bundle: [], tsx: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['bundle', 'tsx'] as const) times[mode].push(await run(mode));
  }
  const bundle = median(times.bundle);
  const tsx = median(times.tsx);
  return {
    runs: RUNS,
    bundleMedianMs: round(bundle),
    tsxMedianMs: round(tsx),
    bundleToTsxRatio: round(bundle / tsx, 3),
  };
}

const bench: BenchModule = {
  name: 'startup',
  async run() {
    return {
      help: await measure(helpMs),
      serveDemoToReady: await measure(serveReadyMs),
    };
  },
};
export default bench;
