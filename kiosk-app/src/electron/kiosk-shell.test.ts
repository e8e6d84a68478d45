import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuildInfo } from './build-info';
import { IpcChannel } from './ipc-channels';
import { shellPaths, startKioskShell, type ElectronMainApi } from './kiosk-shell';
import {
  FakeApp,
  FakeEvent,
  FakeIpcMain,
  FakeProtocol,
  FakeSession,
  FakeWebContents,
  FakeWindow,
  fakeFork,
} from './testing/fake-electron';

const buildInfo: BuildInfo = {
  version: '0.1.0',
  commit: 'abc1234',
  builtAt: '2026-11-28T21:00:00.000Z',
};
const TOKEN = 'k'.repeat(32);

function fakeElectron() {
  const app = new FakeApp('/opt/cccd-kiosk/resources/app.asar');
  const protocol = new FakeProtocol();
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const { fork, started } = fakeFork();
  let menuRemoved = false;
  const api: ElectronMainApi = {
    app,
    protocol,
    ipcMain,
    defaultSession: () => session,
    createWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window;
    },
    forkCore: fork,
    removeApplicationMenu: () => void (menuRemoved = true),
  };
  return { api, app, protocol, ipcMain, session, windows, started, menuRemoved: () => menuRemoved };
}

describe('startKioskShell', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('quits at once when another instance holds the single-instance lock', async () => {
    const electron = fakeElectron();
    electron.app.hasLock = false;
    const shell = await startKioskShell(electron.api, { env: {}, buildInfo, log: () => {} });
    expect(shell).toBeUndefined();
    expect(electron.app.quits).toBe(1);
    expect(electron.started).toHaveLength(0);
    expect(electron.protocol.privileged).toHaveLength(0);
  });

  it('locks down, serves the renderer, starts the core and opens the kiosk window', async () => {
    const electron = fakeElectron();
    const shell = await startKioskShell(electron.api, {
      env: { NOTIFY_SOCKET: '/run/systemd/notify', KIOSK_PAGE_ORIGIN: 'https://evil.example' },
      buildInfo,
      log: () => {},
    });
    expect(shell).toBeDefined();
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['kiosk']);
    expect(electron.protocol.handlers.has('kiosk')).toBe(true);
    expect(electron.menuRemoved()).toBe(true);
    expect(electron.session.requestHandler).toBeDefined();
    expect(electron.session.checkHandler).toBeDefined();

    const core = electron.started[0];
    expect(core?.modulePath).toBe('/opt/cccd-kiosk/resources/app.asar/dist/electron/core.cjs');
    expect(core?.options.env).toMatchObject({
      NOTIFY_SOCKET: '/run/systemd/notify',
      KIOSK_APP_VERSION: '0.1.0',
      KIOSK_BUILD_COMMIT: 'abc1234',
      KIOSK_SHELL: 'electron',
      KIOSK_PAGE_ORIGIN: 'kiosk://app',
    });

    const window = electron.windows[0];
    expect(window?.options.kiosk).toBe(true);
    expect(window?.options.webPreferences?.preload).toBe(
      shellPaths(electron.app.getAppPath()).preload,
    );
    expect(window?.loadedUrls).toEqual(['kiosk://app/index.html']);

    const answer = electron.ipcMain.invoke(IpcChannel.GetCoreEndpoint, 'kiosk://app/index.html');
    core?.postReady('ws://127.0.0.1:47001/api', TOKEN);
    await expect(answer).resolves.toEqual({ url: 'ws://127.0.0.1:47001/api', token: TOKEN });
  });

  it('hardens every web contents the app creates', async () => {
    const electron = fakeElectron();
    await startKioskShell(electron.api, { env: {}, buildInfo, log: () => {} });
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', new FakeEvent(), contents);
    const navigation = new FakeEvent();
    contents.emit('will-navigate', navigation, 'https://example.org/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
  });

  it('reloads the renderer when a restarted core is ready, and focuses on a second launch', async () => {
    const electron = fakeElectron();
    await startKioskShell(electron.api, { env: {}, buildInfo, log: () => {} });
    const window = electron.windows[0];
    electron.started[0]?.postReady('ws://127.0.0.1:47001/api', TOKEN);
    electron.started[0]?.crash(1);
    vi.advanceTimersByTime(60_000);
    electron.started[1]?.postReady('ws://127.0.0.1:47002/api', TOKEN);
    expect(window?.webContents.reloads).toBe(1);

    if (window !== undefined) window.minimized = true;
    electron.app.emit('second-instance');
    expect(window?.minimized).toBe(false);
    expect(window?.focused).toBeGreaterThan(0);
  });

  it('relaunches the app when the core keeps crashing', async () => {
    const electron = fakeElectron();
    await startKioskShell(electron.api, { env: {}, buildInfo, log: () => {} });
    for (let i = 0; i < 6; i += 1) {
      electron.started[i]?.crash(134);
      vi.advanceTimersByTime(20_000);
    }
    expect(electron.app.relaunches).toBe(1);
    expect(electron.app.exitCodes).toEqual([0]);
  });
});
