/**
 * sd_notify(3) for the kiosk core: READY=1 when its API listens, WATCHDOG=1 keep-alives while
 * its event loop runs, STATUS= lines for `systemctl status`, STOPPING=1 on shutdown.
 *
 * Node has no AF_UNIX datagram sockets, and the npm bindings that add them are native addons
 * (one more module to rebuild for Electron's ABI). So this sends through the `systemd-notify`
 * tool from the systemd package. The core is not the unit's main process (cage is), so the
 * unit sets NotifyAccess=all; systemd-notify ≥ 254 waits until the manager has read the message,
 * which keeps the attribution of a short-lived sender reliable (installer/README.md).
 *
 * Without $NOTIFY_SOCKET (Windows, development, `kiosk serve`) every call is a no-op.
 *
 * @example
 *   const notifier = createSdNotifier();
 *   await notifier.ready('API on 127.0.0.1:47001');
 *   const stop = notifier.startWatchdog();   // pings at half of WatchdogSec
 */
import { execFile } from 'node:child_process';

export type RunCommand = (
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
) => Promise<void>;

const runWithExecFile: RunCommand = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { env, timeout: 10_000 }, (error) =>
      error === null ? resolve() : reject(error),
    );
  });

export class SdNotifyError extends Error {
  readonly code = 'SD_NOTIFY_FAILED';
  constructor(state: string, cause: unknown) {
    super(
      `Could not tell systemd '${state}' through systemd-notify: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'SdNotifyError';
  }
}

export interface SdNotifierOptions {
  env?: NodeJS.ProcessEnv;
  /** Path of the tool; default `systemd-notify` from PATH. */
  command?: string;
  run?: RunCommand;
  /** Keep-alive interval when WATCHDOG_USEC is absent but the unit still expects pings. */
  fallbackWatchdogMs?: number;
}

export interface SdNotifier {
  /** True when a service manager listens ($NOTIFY_SOCKET is set). */
  readonly enabled: boolean;
  ready(status?: string): Promise<void>;
  watchdog(): Promise<void>;
  status(text: string): Promise<void>;
  stopping(): Promise<void>;
  /** Sends WATCHDOG=1 at half the configured interval; returns a function that stops it. */
  startWatchdog(onError?: (error: SdNotifyError) => void): () => void;
}

/**
 * Half of $WATCHDOG_USEC in milliseconds, as sd_watchdog_enabled(3) recommends, or undefined.
 * $WATCHDOG_PID is deliberately not compared with our PID: the core is a descendant of the main
 * process and pings on its behalf (NotifyAccess=all).
 */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv): number | undefined {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isSafeInteger(usec) || usec <= 0) return undefined;
  return Math.max(1, Math.floor(usec / 2_000));
}

/** STATUS= is one line; systemd cuts at the first newline anyway. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 200);
}

export function createSdNotifier(options: SdNotifierOptions = {}): SdNotifier {
  const env = options.env ?? process.env;
  const command = options.command ?? 'systemd-notify';
  const run = options.run ?? runWithExecFile;
  const enabled = typeof env.NOTIFY_SOCKET === 'string' && env.NOTIFY_SOCKET !== '';

  const send = async (state: string, args: string[]): Promise<void> => {
    if (!enabled) return;
    try {
      await run(command, args, env);
    } catch (error) {
      throw new SdNotifyError(state, error);
    }
  };

  const notifier: SdNotifier = {
    enabled,
    ready: (status) =>
      send('READY=1', [
        '--ready',
        ...(status === undefined ? [] : [`--status=${oneLine(status)}`]),
      ]),
    watchdog: () => send('WATCHDOG=1', ['WATCHDOG=1']),
    status: (text) => send('STATUS', [`--status=${oneLine(text)}`]),
    stopping: () => send('STOPPING=1', ['STOPPING=1']),
    startWatchdog(onError) {
      const interval = watchdogIntervalMs(env) ?? options.fallbackWatchdogMs;
      if (!enabled || interval === undefined) return () => {};
      const timer = setInterval(() => {
        notifier.watchdog().catch((error: unknown) => {
          if (error instanceof SdNotifyError) onError?.(error);
        });
      }, interval);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return notifier;
}
