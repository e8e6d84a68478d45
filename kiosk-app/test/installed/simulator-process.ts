/**
 * A simulator of test-fixtures run as its own process with the `kiosk-sim` command, as a
 * technician runs it beside a kiosk: the test reads what it prints and talks to its stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const KIOSK_SIM_BIN = fileURLToPath(
  new URL('../../../test-fixtures/bin/kiosk-sim.mjs', import.meta.url),
);

export interface SimulatorProcess {
  readonly child: ChildProcess;
  /** Every line printed on stdout so far. */
  readonly lines: string[];
  /** Resolves with the first line from line number `from` on (printed or to come) that matches. */
  waitForLine(pattern: RegExp, from?: number): Promise<RegExpExecArray>;
  /** Writes one command line to the simulator's stdin. */
  command(line: string): void;
  stop(): Promise<void>;
}

export function startSimulator(name: string, args: readonly string[]): SimulatorProcess {
  const child = spawn(process.execPath, [KIOSK_SIM_BIN, name, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    child,
    lines,
    waitForLine(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          for (const line of lines.slice(from)) {
            const match = pattern.exec(line);
            if (match) {
              done();
              resolve(match);
              return true;
            }
          }
          return false;
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`kiosk-sim ${name} printed no ${pattern}:\n${lines.join('\n')}${stderr}`),
          );
        }, 30_000);
        const gone = (): void => {
          done();
          reject(new Error(`kiosk-sim ${name} exited:\n${lines.join('\n')}${stderr}`));
        };
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('exit', gone);
        };
        const listener = (): void => void check();
        if (check()) return;
        listeners.add(listener);
        child.once('exit', gone);
      });
    },
    command(line) {
      child.stdin?.write(`${line}\n`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
