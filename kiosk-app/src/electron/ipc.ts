/**
 * Main-process IPC handlers. Checklist item 17: every incoming message is checked for its
 * sender; only the top frame of the kiosk renderer (`kiosk://app/...`) is answered.
 */
import type { CoreEndpoint } from './core-supervisor';
import type { IpcInvokeEvent, ShellIpcMain } from './electron-api';
import { IpcChannel } from './ipc-channels';
import { isKioskUrl, type ShellLog } from './security';

export class IpcSenderRejectedError extends Error {
  readonly code = 'IPC_SENDER_REJECTED';
  constructor(channel: string) {
    super(`IPC message on '${channel}' came from a frame that is not the kiosk renderer`);
    this.name = 'IpcSenderRejectedError';
  }
}

/** True for the kiosk renderer's main frame; subframes and foreign origins are refused. */
export function isTrustedSender(event: IpcInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isKioskUrl(frame.url);
}

export function registerIpcHandlers(
  ipcMain: ShellIpcMain,
  core: { whenReady(): Promise<CoreEndpoint> },
  log: ShellLog,
): void {
  ipcMain.handle(IpcChannel.GetCoreEndpoint, async (event) => {
    if (!isTrustedSender(event)) {
      log('ipc-sender-rejected', { channel: IpcChannel.GetCoreEndpoint });
      throw new IpcSenderRejectedError(IpcChannel.GetCoreEndpoint);
    }
    const { url, token } = await core.whenReady();
    return { url, token };
  });
}
