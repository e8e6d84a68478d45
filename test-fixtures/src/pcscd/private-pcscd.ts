import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pcscd of the test's own, so killing it never touches the system pcscd other tests share.
 *
 * pcscd 1.9 creates its socket at the compiled-in /run/pcscd/pcscd.comm (only clients read
 * PCSCLITE_CSOCK_NAME), so it runs in a mount namespace of its own (`unshare -m`, root) with a
 * private folder bound over /run/pcscd: the socket lands in that folder, where the kiosk finds it
 * through PCSCLITE_CSOCK_NAME. Its reader.conf folder (`pcscd -c`) registers vpcd on a port of
 * its own (vpcd reads the port from DEVICENAME /dev/null:0xPORT), away from 35963/35964.
 */
export interface PrivatePcscd {
  /** The socket path to give the kiosk as PCSCLITE_CSOCK_NAME. */
  readonly socket: string;
  /** vpcd's port for the virtual card (reader "Virtual PCD 00 00" of this pcscd). */
  readonly vpcdPort: number;
  start(): Promise<void>;
  /** SIGKILL, as a crash leaves it: the socket file stays behind, stale. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/** Whether this machine lets the test make a mount namespace (root with CAP_SYS_ADMIN). */
export function privatePcscdPossible(): boolean {
  const probe = spawnSync('unshare', ['-m', 'true'], { stdio: 'ignore' });
  const pcscd = spawnSync('pcscd', ['--version'], { stdio: 'ignore' });
  return probe.status === 0 && pcscd.status === 0;
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(socket);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export function privatePcscd(vpcdPort: number): PrivatePcscd {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-pcscd-'));
  const run = join(root, 'run');
  const conf = join(root, 'reader.conf.d');
  mkdirSync(run);
  mkdirSync(conf);
  const hex = `0x${vpcdPort.toString(16).toUpperCase()}`;
  writeFileSync(
    join(conf, 'vpcd'),
    [
      'FRIENDLYNAME "Virtual PCD"',
      `DEVICENAME   /dev/null:${hex}`,
      'LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so',
      `CHANNELID    ${hex}`,
      '',
    ].join('\n'),
  );
  const socket = join(run, 'pcscd.comm');
  let daemon: ChildProcess | undefined;
  const log: string[] = [];

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    const d = daemon;
    daemon = undefined;
    if (!d || d.exitCode !== null || d.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => d.once('exit', () => resolve()));
    d.kill(signal);
    await exited;
  };

  return {
    socket,
    vpcdPort,
    async start() {
      // A stale socket or pid file from a killed daemon stops the next one from starting.
      rmSync(socket, { force: true });
      rmSync(join(run, 'pcscd.pid'), { force: true });
      // `exec` keeps one process: the pid the test kills is pcscd's own.
      const d = spawn(
        'unshare',
        [
          '-m',
          'sh',
          '-c',
          `mount --bind "${run}" /run/pcscd && exec pcscd --foreground -c "${conf}"`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      d.stdout?.on('data', (c: Buffer) => log.push(c.toString()));
      d.stderr?.on('data', (c: Buffer) => log.push(c.toString()));
      daemon = d;
      for (let i = 0; i < 100; i++) {
        if (await answers(socket)) return;
        if (d.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the private pcscd did not come up:\n${log.join('')}`);
    },
    kill: () => stop('SIGKILL'),
    async close() {
      await stop('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
