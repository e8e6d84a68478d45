import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskWindowOptions, openKioskWindow, superviseRenderer } from './window';
import { FakeEvent, FakeWindow } from './testing/fake-electron';

describe('kioskWindowOptions', () => {
  const options = kioskWindowOptions('/app/dist/electron/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('opens fullscreen in kiosk mode without a frame or menu', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false });
  });

  it('isolates the renderer: context isolation, sandbox, no Node (items 2, 3, 4)', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('keeps web security on and experimental features off (items 6, 8, 9, 10, 12)', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('disables DevTools and drag-and-drop navigation', () => {
    expect(prefs).toMatchObject({ devTools: false, navigateOnDragDrop: false });
  });
});

describe('openKioskWindow', () => {
  it('loads the renderer from the kiosk protocol and shows it when ready', async () => {
    const created: FakeWindow[] = [];
    const window = await openKioskWindow((options) => {
      const w = new FakeWindow(options);
      created.push(w);
      return w;
    }, '/p.cjs');
    const fake = created[0];
    expect(fake?.options.kiosk).toBe(true);
    expect(fake?.loadedUrls).toEqual(['kiosk://app/index.html']);
    expect(fake?.menu).toBeNull();
    expect(fake?.shown).toBe(false);
    window.webContents.isDestroyed();
    fake?.emit('ready-to-show');
    expect(fake?.shown).toBe(true);
  });
});

describe('superviseRenderer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const gone = (window: FakeWindow, reason: string): void =>
    void window.webContents.emit('render-process-gone', new FakeEvent(), { reason, exitCode: 1 });

  it('reloads a crashed renderer after a back-off, not after a clean exit', () => {
    const window = new FakeWindow();
    const relaunches: number[] = [];
    superviseRenderer(window, { log: () => {}, relaunchApp: () => void relaunches.push(1) });
    gone(window, 'clean-exit');
    vi.runAllTimers();
    expect(window.webContents.reloads).toBe(0);
    gone(window, 'crashed');
    expect(window.webContents.reloads).toBe(0);
    vi.advanceTimersByTime(250);
    expect(window.webContents.reloads).toBe(1);
    expect(relaunches).toHaveLength(0);
  });

  it('relaunches the app when the renderer keeps dying', () => {
    const window = new FakeWindow();
    const relaunches: number[] = [];
    superviseRenderer(window, {
      log: () => {},
      relaunchApp: () => void relaunches.push(1),
      policy: { baseDelayMs: 10, maxDelayMs: 10, maxCrashes: 2, windowMs: 60_000 },
    });
    gone(window, 'oom');
    gone(window, 'killed');
    expect(relaunches).toHaveLength(0);
    gone(window, 'crashed');
    expect(relaunches).toHaveLength(1);
  });

  it('reloads a renderer that stays unresponsive, not one that recovers', () => {
    const window = new FakeWindow();
    superviseRenderer(window, { log: () => {}, relaunchApp: () => {} });
    window.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    window.emit('responsive');
    vi.runAllTimers();
    expect(window.webContents.reloads).toBe(0);
    window.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    vi.runAllTimers();
    expect(window.webContents.reloads).toBe(1);
  });
});
