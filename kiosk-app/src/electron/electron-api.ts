/**
 * The slice of Electron's main-process API the kiosk shell uses.
 *
 * The logic files take these narrow interfaces as parameters instead of importing `electron` at
 * module top level, so unit tests pass typed fakes (see `testing/fake-electron.ts`) and run
 * without the Electron binary. `electron-api.test.ts` proves at compile time that the real
 * Electron objects satisfy every interface here, so a fake cannot drift from the real API.
 */
import type { CustomScheme, WebPreferences } from 'electron';

/** An Electron event whose default action can be cancelled. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** Keyboard input as reported by `before-input-event` (Electron `Input` structure). */
export interface KeyboardInput {
  type: string;
  key: string;
  code: string;
  alt: boolean;
  control: boolean;
  shift: boolean;
  meta: boolean;
}

export type RenderProcessGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RenderProcessGone {
  reason: RenderProcessGoneReason;
  exitCode: number;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WindowOpenDecision {
  action: 'deny' | 'allow';
}

/** The part of `WebContents` the shell hardens and supervises. */
export interface ShellWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): this;
  on(
    event: 'will-attach-webview',
    listener: (event: PreventableEvent, webPreferences: WebPreferences) => void,
  ): this;
  on(
    event: 'before-input-event',
    listener: (event: PreventableEvent, input: KeyboardInput) => void,
  ): this;
  on(
    event: 'render-process-gone',
    listener: (event: PreventableEvent, details: RenderProcessGone) => void,
  ): this;
  on(event: 'devtools-opened', listener: () => void): this;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenDecision): void;
  closeDevTools(): void;
  reload(): void;
  isDestroyed(): boolean;
}

/** The part of `BrowserWindow` the shell uses. */
export interface ShellWindow {
  readonly webContents: ShellWebContents;
  on(event: 'unresponsive' | 'responsive', listener: () => void): this;
  once(event: 'ready-to-show', listener: () => void): this;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  setMenu(menu: null): void;
}

/** Permission names Electron passes to the session permission handlers. */
export type PermissionName = Parameters<
  Parameters<Electron.Session['setPermissionRequestHandler']>[0] & object
>[1];

export interface PermissionRequestDetails {
  requestingUrl?: string;
  mediaTypes?: Array<'video' | 'audio'>;
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  mediaType?: 'video' | 'audio' | 'unknown';
}

/** The part of `Session` the shell locks down. */
export interface ShellSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: PermissionName,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: PermissionName,
      requestingOrigin: string,
      details: PermissionCheckDetails,
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): this;
}

/** `protocol` as used to serve the renderer from a custom scheme. */
export interface ShellProtocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** An IPC invocation as seen by `ipcMain.handle` (only the sender frame is inspected). */
export interface IpcInvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface ShellIpcMain {
  handle(channel: string, listener: (event: IpcInvokeEvent) => unknown): void;
}

/** The part of `app` the shell uses. */
export interface ShellApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): this;
  on(
    event: 'web-contents-created',
    listener: (event: PreventableEvent, contents: ShellWebContents) => void,
  ): this;
  whenReady(): Promise<void>;
  getAppPath(): string;
  getVersion(): string;
  relaunch(): void;
  exit(exitCode?: number): void;
  quit(): void;
}

/** A forked core process: the part of Electron's `UtilityProcess` the supervisor uses. */
export interface CoreProcess {
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  on(event: 'spawn', listener: () => void): this;
  kill(): boolean;
  readonly pid: number | undefined;
}

export interface CoreForkOptions {
  serviceName: string;
  env: Record<string, string | undefined>;
  stdio: 'inherit' | 'pipe' | 'ignore';
}

/** `utilityProcess.fork`, or `child_process.fork` wrapped to the same shape. */
export type ForkCore = (
  modulePath: string,
  args: string[],
  options: CoreForkOptions,
) => CoreProcess;
