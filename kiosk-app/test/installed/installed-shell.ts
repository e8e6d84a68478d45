/**
 * The Electron shell's own start-up (src/electron/kiosk-shell.ts `startKioskShell`) with the
 * real core process: Electron's window, session and app are the typed fakes of the shell's unit
 * tests, but the core is the bundled core.cjs started as systemd starts the kiosk, the renderer
 * handler is the one the shell registers for `kiosk://`, and the IPC handler is the one the
 * shell registers for the preload bridge. So the shell decides, as installed: which core file
 * runs, with which environment, which renderer folder is served, which preload script is used.
 *
 * Chromium cannot load the `kiosk://` scheme, so the page runs at a stand-in origin
 * (kiosk-scheme-adapter.ts). The one translation the test makes is that origin: in the URLs the page asks
 * for, and in `KIOSK_PAGE_ORIGIN`, which the shell sets to `kiosk://app` for the core.
 */
import { fileURLToPath } from 'node:url';
import { readBuildInfo } from '../../src/electron/build-info';
import type { CoreSupervisor } from '../../src/electron/core-supervisor';
import { startKioskShell } from '../../src/electron/kiosk-shell';
import { KIOSK_ORIGIN } from '../../src/electron/protocol';
import {
  FakeApp,
  FakeIpcMain,
  FakeProtocol,
  FakeSession,
  FakeWindow,
} from '../../src/electron/testing/fake-electron';
import { forkInstalledCore, serviceEnvironment, type RunningCoreProcess } from './installed-core';
import type { InstalledRoot } from './installed-root';

/** kiosk-app/: the app root (`app.getAppPath()`), as the asar's root is in a package. */
export const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface InstalledShell {
  readonly core: CoreSupervisor;
  readonly window: FakeWindow;
  readonly ipcMain: FakeIpcMain;
  /** The handler the shell registered for `kiosk://`. */
  readonly rendererHandler: (request: Request) => Response | Promise<Response>;
  /** Every core process the shell started, with its log. */
  readonly cores: RunningCoreProcess[];
  readonly shellLog: { event: string; fields: Record<string, unknown> }[];
  stop(): Promise<void>;
}

export async function startInstalledShell(
  installed: InstalledRoot,
  pageOrigin: string,
): Promise<InstalledShell> {
  const app = new FakeApp(APP_DIR);
  const protocol = new FakeProtocol();
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const cores: RunningCoreProcess[] = [];
  const shellLog: InstalledShell['shellLog'] = [];
  const shell = await startKioskShell(
    {
      app,
      protocol,
      ipcMain,
      defaultSession: () => session,
      createWindow: (options) => {
        const window = new FakeWindow(options);
        windows.push(window);
        return window;
      },
      forkCore: forkInstalledCore(installed, cores, (env) => ({
        ...env,
        KIOSK_PAGE_ORIGIN: env.KIOSK_PAGE_ORIGIN === KIOSK_ORIGIN ? pageOrigin : undefined,
      })),
      removeApplicationMenu: () => undefined,
    },
    {
      // The Electron process's environment is what systemd gives the unit.
      env: serviceEnvironment(installed),
      buildInfo: readBuildInfo(APP_DIR, app.getVersion()),
      log: (event, fields = {}) => void shellLog.push({ event, fields }),
    },
  );
  const handler = protocol.handlers.get('kiosk');
  if (shell === undefined || handler === undefined)
    throw new Error('the shell did not start or did not serve kiosk://');
  return {
    core: shell.core,
    window: shell.window as FakeWindow,
    ipcMain,
    rendererHandler: handler,
    cores,
    shellLog,
    async stop() {
      shell.core.stop();
      await Promise.all(cores.map((core) => core.exited));
    },
  };
}
