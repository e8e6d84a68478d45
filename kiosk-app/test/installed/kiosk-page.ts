/**
 * The kiosk window in Debian's Chromium: the page the shell loads, served by the shell's own
 * `kiosk://` handler through the stand-in origin of kiosk-scheme-adapter.ts, with the shell's
 * own preload script injected before any page script.
 *
 * The preload is the built dist/electron/preload.cjs the shell hands its window, run with the
 * tiny `require('electron')` a sandboxed preload gets: `contextBridge.exposeInMainWorld` puts the
 * bridge on `window`, `ipcRenderer.invoke` reaches the shell's IPC handler (with the calling
 * frame as the sender, so the handler's sender check runs on the real frame).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KioskSchemeAdapter } from './kiosk-scheme-adapter';
import type { InstalledShell } from './installed-shell';
/** The page-side name of the IPC binding; the preload takes it and removes it from `window`. */
const IPC_BINDING = '__kioskShellIpcInvoke';

/** The built preload wrapped in the module scope a sandboxed Electron preload runs in. */
function preloadScript(preloadFile: string): string {
  return `(() => {
  const invoke = window[${JSON.stringify(IPC_BINDING)}];
  delete window[${JSON.stringify(IPC_BINDING)}];
  const electron = {
    contextBridge: {
      exposeInMainWorld(name, api) {
        Object.defineProperty(window, name, { value: api, enumerable: true });
      },
    },
    ipcRenderer: { invoke: (channel, ...args) => invoke(channel, ...args) },
  };
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error('module not found in a sandboxed preload: ' + id);
  };
  const module = { exports: {} };
  const exports = module.exports;
  ${readFileSync(preloadFile, 'utf8')}
})();`;
}

export interface KioskWindowPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** How many times the page asked the shell over IPC (through the preload bridge). */
  ipcCalls(): number;
  /** The page's console messages and uncaught errors, for the failure report. */
  readonly consoleLines: string[];
}

export async function openKioskWindow(
  browser: Browser,
  shell: InstalledShell,
  adapter: KioskSchemeAdapter,
): Promise<KioskWindowPage> {
  const preload = shell.window.options.webPreferences?.preload;
  const entry = shell.window.loadedUrls[0];
  if (preload === undefined || entry === undefined)
    throw new Error('the shell opened no window with a preload and a page');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1024 },
    hasTouch: true,
  });
  let calls = 0;
  await context.exposeBinding(IPC_BINDING, async (source, channel: unknown) => {
    calls += 1;
    const handler = shell.ipcMain.handlers.get(String(channel));
    if (handler === undefined) throw new Error(`No handler registered for '${String(channel)}'`);
    return handler({
      senderFrame: {
        url: adapter.toKioskUrl(source.frame.url()),
        parent: source.frame.parentFrame(),
      },
    });
  });
  await context.addInitScript({ content: preloadScript(preload) });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(adapter.toPageUrl(entry));
  return { context, page, ipcCalls: () => calls, consoleLines };
}
