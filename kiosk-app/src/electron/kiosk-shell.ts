/**
 * Start-up of the Electron shell, with the Electron API injected so it runs under a typed fake
 * in unit tests. main.ts is the only file that imports `electron` and passes the real objects.
 */
import path from 'node:path';
import { buildInfoEnv, type BuildInfo } from './build-info';
import { CoreSupervisor } from './core-supervisor';
import type {
  ForkCore,
  ShellApp,
  ShellIpcMain,
  ShellProtocol,
  ShellSession,
  ShellWindow,
} from './electron-api';
import { registerIpcHandlers } from './ipc';
import { KIOSK_ORIGIN, registerKioskScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents, type ShellLog } from './security';
import { openKioskWindow, superviseRenderer, type CreateWindow } from './window';

export interface ElectronMainApi {
  app: ShellApp;
  protocol: ShellProtocol;
  ipcMain: ShellIpcMain;
  /** `session.defaultSession`; only valid once the app is ready. */
  defaultSession: () => ShellSession;
  createWindow: CreateWindow;
  forkCore: ForkCore;
  removeApplicationMenu: () => void;
}

export interface ShellPaths {
  rendererRoot: string;
  preload: string;
  coreEntry: string;
}

/** Where the bundles live relative to the app root (the asar in a package, kiosk-app in dev). */
export function shellPaths(appPath: string): ShellPaths {
  return {
    rendererRoot: path.join(appPath, 'dist', 'renderer'),
    preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    coreEntry: path.join(appPath, 'dist', 'electron', 'core.cjs'),
  };
}

export interface ShellOptions {
  env: Record<string, string | undefined>;
  buildInfo: BuildInfo;
  log: ShellLog;
}

export interface RunningShell {
  window: ShellWindow;
  core: CoreSupervisor;
}

/**
 * Returns `undefined` when another instance already runs (this one quits at once; the running
 * one brings its window to the front).
 */
export async function startKioskShell(
  api: ElectronMainApi,
  options: ShellOptions,
): Promise<RunningShell | undefined> {
  const { app } = api;
  const { log } = options;
  if (!app.requestSingleInstanceLock()) {
    log('second-instance-quit');
    app.quit();
    return undefined;
  }
  registerKioskScheme(api.protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  // Filled in once the window exists; the handlers below may run before that.
  const shell: { window?: ShellWindow } = {};
  app.on('second-instance', () => {
    const { window } = shell;
    if (window === undefined || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // The kiosk has one window; if it goes, quit and let the session unit (cage, systemd) restart.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  api.removeApplicationMenu();
  hardenSession(api.defaultSession(), log);
  const paths = shellPaths(app.getAppPath());
  serveRenderer(api.protocol, paths.rendererRoot);

  const relaunchApp = (): void => {
    log('app-relaunch');
    core.stop();
    app.relaunch();
    app.exit(0);
  };
  const core = new CoreSupervisor({
    fork: api.forkCore,
    modulePath: paths.coreEntry,
    // The page's origin is the shell's to say, whatever the session's environment carries.
    env: {
      ...options.env,
      ...buildInfoEnv(options.buildInfo),
      KIOSK_SHELL: 'electron',
      KIOSK_PAGE_ORIGIN: KIOSK_ORIGIN,
    },
    log,
    relaunchApp,
    onRestarted: () => {
      const { window } = shell;
      if (window !== undefined && !window.isDestroyed()) window.webContents.reload();
    },
  });
  registerIpcHandlers(api.ipcMain, core, log);
  core.start();

  const window = await openKioskWindow(api.createWindow, paths.preload);
  shell.window = window;
  superviseRenderer(window, { log, relaunchApp });
  return { window, core };
}
