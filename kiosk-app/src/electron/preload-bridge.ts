/**
 * What the preload script puts on `window.kiosk` (checklist item 20: never expose Electron APIs
 * or `ipcRenderer` itself). One function, one fixed channel, a checked answer copied field by
 * field so nothing else the main process might add reaches the page. Checked by hand rather than
 * with zod: the sandboxed preload is evaluated on every page load and should stay tiny.
 */
import { IpcChannel } from './ipc-channels';
import type { CoreEndpoint, KioskBridge } from '@kiosk/protocol/kiosk-bridge';

export type Invoke = (channel: IpcChannel) => Promise<unknown>;

export class BridgeAnswerError extends Error {
  readonly code = 'BRIDGE_BAD_ANSWER';
  constructor() {
    super('The main process answered the core endpoint request with something unexpected');
    this.name = 'BridgeAnswerError';
  }
}

function toEndpoint(answer: unknown): CoreEndpoint {
  if (typeof answer !== 'object' || answer === null) throw new BridgeAnswerError();
  const { url, token } = answer as Record<string, unknown>;
  if (typeof url !== 'string' || typeof token !== 'string') throw new BridgeAnswerError();
  return { url, token };
}

export function createKioskBridge(invoke: Invoke): KioskBridge {
  return Object.freeze({
    async getCoreEndpoint() {
      return toEndpoint(await invoke(IpcChannel.GetCoreEndpoint));
    },
  });
}
