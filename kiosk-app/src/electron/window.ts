/**
 * The kiosk window: one fullscreen, frameless BrowserWindow in kiosk mode showing the renderer
 * from `kiosk://app/`, and its crash recovery (renderer reloaded when its process dies or hangs;
 * the app relaunched when that keeps happening).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { CrashBudget, RENDERER_CRASH_POLICY, type CrashBudgetPolicy } from './crash-budget';
import type { ShellWindow } from './electron-api';
import { RENDERER_ENTRY_URL } from './protocol';
import type { ShellLog } from './security';

/**
 * Every security-relevant webPreference is spelled out, even where it equals Electron's default,
 * so a future default change or a copy-paste cannot silently weaken the kiosk (checklist items
 * 2, 3, 4, 6, 8, 9, 10, 12).
 */
export function kioskWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    title: 'Kiosk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: true,
      // The citizen hears spoken prompts without touching first.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

export type CreateWindow = (options: BrowserWindowConstructorOptions) => ShellWindow;

/** Creates the kiosk window and loads the renderer; it is shown once the first frame is ready. */
export async function openKioskWindow(
  createWindow: CreateWindow,
  preloadPath: string,
): Promise<ShellWindow> {
  const window = createWindow(kioskWindowOptions(preloadPath));
  window.setMenu(null);
  window.once('ready-to-show', () => {
    window.show();
    window.focus();
  });
  await window.loadURL(RENDERER_ENTRY_URL);
  return window;
}

export interface RendererRecoveryOptions {
  log: ShellLog;
  /** Called when the renderer keeps crashing: relaunch the whole app. */
  relaunchApp: () => void;
  now?: () => number;
  policy?: CrashBudgetPolicy;
  schedule?: (run: () => void, delayMs: number) => void;
}

/**
 * The core owns all journey state, so a reload loses nothing (DESIGN.md, process model): the
 * renderer reconnects and shows the core's snapshot. A hung renderer (`unresponsive` for the
 * grace period) is reloaded too.
 */
export function superviseRenderer(window: ShellWindow, options: RendererRecoveryOptions): void {
  const budget = new CrashBudget(options.policy ?? RENDERER_CRASH_POLICY);
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? ((run, delayMs) => void setTimeout(run, delayMs));

  const recover = (cause: string): void => {
    const decision = budget.recordCrash(now());
    if (decision.action === 'relaunch-app') {
      options.log('renderer-crash-loop', { cause, crashes: decision.crashesInWindow });
      options.relaunchApp();
      return;
    }
    options.log('renderer-reload', { cause, delayMs: decision.delayMs });
    schedule(() => {
      if (!window.isDestroyed()) window.webContents.reload();
    }, decision.delayMs);
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    recover(details.reason);
  });

  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined;
  window.on('unresponsive', () => {
    if (unresponsiveTimer !== undefined) return;
    // Chromium fires `unresponsive` after a few seconds; give the page a little more.
    unresponsiveTimer = setTimeout(() => {
      unresponsiveTimer = undefined;
      recover('unresponsive');
    }, 10_000);
  });
  window.on('responsive', () => {
    if (unresponsiveTimer !== undefined) clearTimeout(unresponsiveTimer);
    unresponsiveTimer = undefined;
  });
}
