/**
 * Starts the bundled core (dist/electron/core.cjs) the way systemd and the Electron shell start
 * it on an installed kiosk, with plain Node instead of Electron's (its binary cannot be
 * downloaded here; the native modules in node_modules are built for this Node):
 *
 * - as the unit's `User=`, in its `WorkingDirectory=`, under its `UMask=`;
 * - with only the environment systemd gives a service (systemd.exec(5) "Environment variables
 *   in spawned processes") plus the unit's `Environment=`, then what the shell adds;
 * - with an IPC channel, as `utilityProcess.fork` has one, for the `{ type: 'ready' }` message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { CoreProcess, ForkCore } from '../../src/electron/electron-api';
import type { InstalledRoot } from './installed-root';

/** systemd's default PATH for services (systemd.exec(5), `PATH`). */
const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin';

/** What systemd puts in a service's environment before the unit's own `Environment=`. */
export function serviceEnvironment(installed: InstalledRoot): Record<string, string> {
  return {
    PATH: SYSTEMD_PATH,
    // useradd --home-dir DATA_DIR (after-install.sh): the kiosk user's home is its data folder.
    HOME: installed.dataDir,
    USER: installed.runAs.user,
    LOGNAME: installed.runAs.user,
    SHELL: '/usr/sbin/nologin',
    ...installed.environment,
  };
}

/** One core process with its log (stderr lines, JSON). */
export interface RunningCoreProcess {
  readonly child: ChildProcess;
  readonly logLines: string[];
  readonly exited: Promise<number>;
}

export function spawnInstalledCore(
  installed: InstalledRoot,
  modulePath: string,
  env: Record<string, string | undefined>,
): RunningCoreProcess {
  const umask = installed.umask.toString(8).padStart(4, '0');
  // `exec` keeps one process: the pid the shell kills is the core's own.
  const child = spawn(
    '/bin/sh',
    ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, modulePath],
    {
      cwd: installed.workingDirectory,
      env,
      uid: installed.runAs.uid,
      gid: installed.runAs.gid,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    },
  );
  const logLines: string[] = [];
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    logLines.push(...lines.filter(Boolean));
  });
  child.stdout?.resume();
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => {
      if (partial !== '') logLines.push(partial);
      resolve(code ?? (signal === null ? 1 : 128));
    }),
  );
  return { child, logLines, exited };
}

class InstalledCoreProcess extends EventEmitter implements CoreProcess {
  constructor(readonly running: RunningCoreProcess) {
    super();
    running.child.on('spawn', () => this.emit('spawn'));
    running.child.on('message', (message) => this.emit('message', message));
    void running.exited.then((code) => this.emit('exit', code));
  }
  get pid(): number | undefined {
    return this.running.child.pid;
  }
  kill(): boolean {
    return this.running.child.kill();
  }
}

/**
 * The shell's `forkCore` on an installed kiosk. `translateEnv` is the one place the test may
 * change what the shell hands over (the page origin, see installed-shell.ts).
 */
export function forkInstalledCore(
  installed: InstalledRoot,
  started: RunningCoreProcess[],
  translateEnv: (env: Record<string, string | undefined>) => Record<string, string | undefined>,
): ForkCore {
  return (modulePath, _args, options) => {
    const running = spawnInstalledCore(installed, modulePath, translateEnv(options.env));
    started.push(running);
    return new InstalledCoreProcess(running);
  };
}
