/**
 * Compile-time proof that the real Electron 45 main-process objects implement the narrow
 * interfaces of electron-api.ts, so what the typed fakes exercise is what Electron provides.
 * `tsc` (npm run typecheck) fails here if Electron's API drifts from the slice the shell uses.
 * Nothing imports this file at run time; type-only imports keep `electron` out of the bundle.
 * Event names are the exception: Node's EventEmitter `on(string, ...)` accepts any name, so
 * electron-api-events.test.ts checks them against electron.d.ts instead.
 */
import type {
  App,
  BrowserWindow,
  IpcMain,
  Protocol,
  Session,
  UtilityProcess,
  WebContents,
} from 'electron';
import type {
  CoreProcess,
  ShellApp,
  ShellIpcMain,
  ShellProtocol,
  ShellSession,
  ShellWebContents,
  ShellWindow,
} from './electron-api';

export const conformance = {
  webContents: (real: WebContents): ShellWebContents => real,
  window: (real: BrowserWindow): ShellWindow => real,
  session: (real: Session): ShellSession => real,
  protocol: (real: Protocol): ShellProtocol => real,
  ipcMain: (real: IpcMain): ShellIpcMain => real,
  app: (real: App): ShellApp => real,
  utilityProcess: (real: UtilityProcess): CoreProcess => real,
};
