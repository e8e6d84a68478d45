import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A pty pair made by socat, with stable symlinks so the same paths survive a restart (an
 * unplug/replug of a USB serial adapter looks exactly like this to the reader).
 */
export class SocatPtyPair {
  private child: ChildProcess | undefined;

  constructor(
    readonly readerPath: string,
    readonly simulatorPath: string,
  ) {}

  /** Resolves when socat has created both ptys and entered its transfer loop. */
  async start(): Promise<void> {
    const child = spawn(
      'socat',
      [
        '-d',
        '-d',
        `pty,link=${this.readerPath},raw,echo=0`,
        `pty,link=${this.simulatorPath},raw,echo=0`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('starting data transfer loop')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`socat exited (${code}): ${log}`)));
      child.once('error', reject);
    });
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
