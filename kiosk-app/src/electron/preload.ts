/**
 * Preload entry (bundled to dist/electron/preload.cjs). Runs sandboxed with context isolation;
 * the renderer sees only `window.kiosk.getCoreEndpoint()`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, createKioskBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_NAME,
  createKioskBridge((channel) => ipcRenderer.invoke(channel)),
);
