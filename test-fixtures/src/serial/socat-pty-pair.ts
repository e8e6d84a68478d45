import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';

/**
 * A pty pair made by socat (Debian package socat), a null-modem cable between a driver and a
 * simulated device, with stable symlinks so the same paths survive a restart: `stop()` then
 * `start()` looks exactly like an unplug and replug of a USB serial adapter to the driver.
 */
export class SocatPtyPair {
  private child: ChildProcess | undefined;

  constructor(
    /** The end the driver under test opens. */
    readonly hostPath: string,
    /** The end the simulated device serves. */
    readonly devicePath: string,
  ) {}

  /** Resolves when socat has created both links and entered its transfer loop. */
  async start(): Promise<void> {
    const child = spawn(
      'socat',
      [
        '-d',
        '-d',
        `pty,link=${this.hostPath},raw,echo=0`,
        `pty,link=${this.devicePath},raw,echo=0`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (
          log.includes('starting data transfer loop') &&
          existsSync(this.hostPath) &&
          existsSync(this.devicePath)
        )
          resolve();
      });
      child.once('exit', (code) => reject(new Error(`socat exited (${String(code)}): ${log}`)));
      child.once('error', reject);
    });
    child.removeAllListeners('exit');
  }

  /** Kills socat (the "unplug"); resolves when it has exited and removed its links. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}
