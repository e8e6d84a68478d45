import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostRequest } from './pcsc-host-messages';

/** The core's end of the channel to one PC/SC host process. */
export interface HostChannel {
  send(request: HostRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, whatever the reason. */
  onExit(listener: () => void): void;
  /** Ends the process (SIGKILL: a host stuck in native code runs no handler). */
  kill(): void;
}

export interface HostSettings {
  readonly timeoutMs: number;
  readonly retryMs: number;
}

/**
 * The host's file: TypeScript source through a tsx bootstrap when the core runs from source
 * (tests, development), the bundled sibling `pcsc-host.cjs` in the Electron build
 * (kiosk-app/scripts/bundle-electron.mjs), and the file the bundled `kiosk` command names in
 * KIOSK_PCSC_HOST (kiosk-app/scripts/bundle-node.mjs), as for the camera OCR worker.
 */
export function pcscHostUrl(
  moduleUrl: string = import.meta.url,
  bundledHost: string | undefined = process.env.KIOSK_PCSC_HOST,
): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./pcsc-host-bootstrap.mjs', moduleUrl);
  if (bundledHost !== undefined) return pathToFileURL(bundledHost);
  return new URL('./pcsc-host.cjs', moduleUrl);
}

/** Forks one PC/SC host process (pcsc-host-entry.ts). */
export function forkPcscHost(settings: HostSettings, url: URL = pcscHostUrl()): HostChannel {
  const child = fork(fileURLToPath(url), [String(settings.timeoutMs), String(settings.retryMs)], {
    serialization: 'advanced',
    // Not the core's flags (--inspect, test runner hooks): the host is a plain Node program.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // In Electron's utility process execPath is Electron itself; make it run as Node.
    env:
      process.versions.electron !== undefined
        ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
        : process.env,
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A failed spawn emits 'error' and no 'exit'.
    child.once('error', () => resolve());
  });
  return {
    send(request) {
      if (child.connected) child.send(request, (error) => error && undefined);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => void exited.then(listener),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
