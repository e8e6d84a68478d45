/**
 * Preload entry (bundled to dist/electron/preload.cjs). Runs sandboxed with context isolation;
 * the renderer sees only `window.kiosk.getCoreEndpoint()` (the shape in protocol/kiosk-bridge.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { KIOSK_BRIDGE_NAME } from '@kiosk/protocol/kiosk-bridge';
import { createKioskBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(
  KIOSK_BRIDGE_NAME,
  createKioskBridge((channel) => ipcRenderer.invoke(channel)),
);
