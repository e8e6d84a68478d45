/**
 * Electron main-process entry (bundled to dist/electron/main.cjs, the `main` of @kiosk/app).
 * The only file that imports `electron` at run time: it hands the real API to startKioskShell.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, session, utilityProcess } from 'electron';
import { readBuildInfo } from './build-info';
import { startKioskShell } from './kiosk-shell';
import type { ShellLog } from './security';

/** One JSON line per shell event on stdout (journald collects it); never personal data. */
const log: ShellLog = (event, fields = {}) => {
  process.stdout.write(
    `${JSON.stringify({ t: new Date().toISOString(), src: 'shell', event, ...fields })}\n`,
  );
};

startKioskShell(
  {
    app,
    protocol,
    ipcMain,
    defaultSession: () => session.defaultSession,
    createWindow: (options) => new BrowserWindow(options),
    forkCore: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    removeApplicationMenu: () => Menu.setApplicationMenu(null),
  },
  { env: process.env, buildInfo: readBuildInfo(app.getAppPath(), app.getVersion()), log },
).catch((error: unknown) => {
  log('shell-start-failed', { message: error instanceof Error ? error.message : String(error) });
  app.exit(1);
});
