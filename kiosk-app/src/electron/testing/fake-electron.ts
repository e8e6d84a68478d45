/**
 * Typed in-memory twins of the Electron objects in electron-api.ts, for unit tests of the shell
 * without the Electron binary. Each fake records what the shell did to it and lets a test emit
 * the events Electron would emit (`emit('will-navigate', event, url)`).
 */
import { EventEmitter } from 'node:events';
import type {
  CoreForkOptions,
  CoreProcess,
  ForkCore,
  IpcInvokeEvent,
  PermissionCheckDetails,
  PermissionName,
  PermissionRequestDetails,
  PreventableEvent,
  ShellApp,
  ShellIpcMain,
  ShellProtocol,
  ShellSession,
  ShellWebContents,
  ShellWindow,
  WindowOpenDecision,
  WindowOpenDetails,
} from '../electron-api';
import type { CustomScheme } from 'electron';

/** An event that records whether a handler cancelled it. */
export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter implements ShellWebContents {
  windowOpenHandler: ((details: WindowOpenDetails) => WindowOpenDecision) | undefined;
  reloads = 0;
  devToolsClosed = 0;
  destroyed = false;

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenDecision): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
  reload(): void {
    this.reloads += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeWindow extends EventEmitter implements ShellWindow {
  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  shown = false;
  focused = 0;
  minimized = false;
  destroyed = false;
  menu: null | 'default' = 'default';

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setMenu(menu: null): void {
    this.menu = menu;
  }
}

type RequestHandler = Parameters<ShellSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<ShellSession['setPermissionCheckHandler']>[0];

export class FakeSession extends EventEmitter implements ShellSession {
  requestHandler: RequestHandler | undefined;
  checkHandler: CheckHandler | undefined;
  deviceHandler: (() => boolean) | undefined;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }

  /** Asks the installed request handler, as Chromium would, and resolves with its answer. */
  request(permission: PermissionName, details: PermissionRequestDetails): Promise<boolean> {
    const handler = this.requestHandler;
    if (handler === undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      handler(new FakeWebContents(), permission, resolve, details);
    });
  }

  check(permission: PermissionName, origin: string, details: PermissionCheckDetails): boolean {
    return this.checkHandler === undefined
      ? true
      : this.checkHandler(null, permission, origin, details);
  }
}

export class FakeProtocol implements ShellProtocol {
  privileged: CustomScheme[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakeIpcMain implements ShellIpcMain {
  handlers = new Map<string, (event: IpcInvokeEvent) => unknown>();

  handle(channel: string, listener: (event: IpcInvokeEvent) => unknown): void {
    this.handlers.set(channel, listener);
  }

  /** Invokes a channel as a renderer frame at `frameUrl` would. */
  invoke(channel: string, frameUrl: string, isMainFrame = true): unknown {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: frameUrl, parent: isMainFrame ? null : {} } });
  }
}

export class FakeApp extends EventEmitter implements ShellApp {
  hasLock = true;
  relaunches = 0;
  exitCodes: number[] = [];
  quits = 0;
  private readonly ready = Promise.resolve();

  constructor(
    private readonly appPath = '/opt/cccd-kiosk/resources/app.asar',
    private readonly version = '0.1.0',
  ) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return this.version;
  }
  relaunch(): void {
    this.relaunches += 1;
  }
  exit(exitCode = 0): void {
    this.exitCodes.push(exitCode);
  }
  quit(): void {
    this.quits += 1;
  }
}

/** A core process twin: the test decides when it is ready and when it dies. */
export class FakeCoreProcess extends EventEmitter implements CoreProcess {
  killed = false;
  constructor(
    readonly pid: number,
    readonly modulePath: string,
    readonly options: CoreForkOptions,
  ) {
    super();
  }
  kill(): boolean {
    if (this.killed) return false;
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 143));
    return true;
  }
  postReady(url: string, token: string): void {
    this.emit('message', { type: 'ready', url, token });
  }
  crash(code = 1): void {
    this.emit('exit', code);
  }
}

/** A `ForkCore` that records every process it starts. */
export function fakeFork(): { fork: ForkCore; started: FakeCoreProcess[] } {
  const started: FakeCoreProcess[] = [];
  const fork: ForkCore = (modulePath, _args, options) => {
    const child = new FakeCoreProcess(1000 + started.length, modulePath, options);
    started.push(child);
    return child;
  };
  return { fork, started };
}
