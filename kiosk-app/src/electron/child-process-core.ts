/**
 * `child_process.fork` wrapped to the `ForkCore` shape, so the CoreSupervisor can run the core
 * as a plain Node child: in tests (a real process boundary without Electron) and in development
 * shells. The core entry answers with `process.send` there instead of `process.parentPort`.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import type { CoreProcess, ForkCore } from './electron-api';

/** Shell convention for a process killed by a signal: 128 + signal number. */
function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0));
}

class ChildProcessCore extends EventEmitter implements CoreProcess {
  constructor(private readonly child: ReturnType<typeof fork>) {
    super();
    child.on('spawn', () => this.emit('spawn'));
    child.on('message', (message) => this.emit('message', message));
    child.on('exit', (code, signal) => this.emit('exit', exitCodeOf(code, signal)));
    // A failed spawn emits 'error' and then no 'exit'; report it as an exit so it is restarted.
    child.on('error', () => {
      if (child.exitCode === null && child.pid === undefined) this.emit('exit', 127);
    });
  }
  get pid(): number | undefined {
    return this.child.pid;
  }
  kill(): boolean {
    return this.child.kill();
  }
}

export const forkCoreAsChildProcess: ForkCore = (modulePath, args, options) =>
  new ChildProcessCore(
    fork(modulePath, args, {
      env: options.env,
      stdio:
        options.stdio === 'pipe' ? 'pipe' : [options.stdio, options.stdio, options.stdio, 'ipc'],
      serialization: 'json',
    }),
  );
