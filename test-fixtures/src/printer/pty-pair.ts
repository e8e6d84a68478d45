import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the virtual printer serves. */
  readonly printerPath: string;
  /** The end the kiosk opens, as `serial:${hostPath}`. */
  readonly hostPath: string;
  close(): Promise<void>;
}

/**
 * Creates a connected pty pair with socat (Debian package socat), as a null-modem cable between
 * the driver and the virtual printer. Resolves once both links exist.
 */
export async function createPtyPair(dir: string, name = 'printer'): Promise<PtyPair> {
  const printerPath = join(dir, `${name}-device`);
  const hostPath = join(dir, `${name}-host`);
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${printerPath}`, `pty,raw,echo=0,link=${hostPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`socat exited (${String(code)}): ${log}`)));
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      // socat logs "starting data transfer loop" once both ptys are ready
      if (
        log.includes('starting data transfer loop') &&
        existsSync(printerPath) &&
        existsSync(hostPath)
      )
        resolve();
    });
  });
  child.removeAllListeners('exit');
  return {
    printerPath,
    hostPath,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
