import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readApiEndpointFile } from '../src/core/api/api-endpoint-file';

export const KIOSK_BIN = fileURLToPath(new URL('../bin/kiosk.mjs', import.meta.url));

export interface KioskProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** The per-start API token, read from `<dataDir>/api.json` (as the `kiosk` CLI does). */
  token(): Promise<string>;
  /** Every line the core wrote to stderr (its log). */
  readonly logLines: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `kiosk serve --demo` (or, with `demo: false`, `kiosk serve` on the real drivers) as a
 * real process and waits for its "KIOSK_READY <url>" line.
 */
export async function startKioskProcess(
  options: {
    dataDir?: string;
    extraArgs?: string[];
    env?: NodeJS.ProcessEnv;
    demo?: boolean;
    /** Kills the process and rejects when it is not ready by then (a core that hangs at start). */
    readyTimeoutMs?: number;
  } = {},
): Promise<KioskProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const child = spawn(
    process.execPath,
    [
      KIOSK_BIN,
      'serve',
      ...(options.demo === false ? [] : ['--demo']),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(options.extraArgs ?? []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Off PC/SC unless a test asks for it: pcscd and vpcd are shared with the driver tests.
      env: { ...process.env, KIOSK_DEMO_CARD: 'in-process', ...options.env },
    },
  );
  const logLines: string[] = [];
  let stderrBuffer = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrBuffer += chunk.toString();
    const lines = stderrBuffer.split('\n');
    stderrBuffer = lines.pop() ?? '';
    logLines.push(...lines.filter(Boolean));
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let readyTimer: NodeJS.Timeout | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /KIOSK_READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then((code) =>
      reject(new Error(`kiosk exited (${code}) before it was ready:\n${logLines.join('\n')}`)),
    );
    if (options.readyTimeoutMs !== undefined) {
      readyTimer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kiosk was not ready within ${options.readyTimeoutMs} ms`));
      }, options.readyTimeoutMs);
    }
  }).finally(() => clearTimeout(readyTimer));
  return {
    url,
    dataDir,
    child,
    logLines,
    token: async () => {
      const endpoint = readApiEndpointFile(dataDir);
      if (!endpoint) throw new Error(`no api.json in ${dataDir}`);
      return endpoint.token;
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
