import { describe, expect, it } from 'vitest';
import { IpcSenderRejectedError, registerIpcHandlers } from './ipc';
import { IpcChannel } from './ipc-channels';
import { FakeIpcMain } from './testing/fake-electron';

const endpoint = { url: 'ws://127.0.0.1:47001/api', token: 't'.repeat(32) };

describe('IPC handlers (checklist item 17)', () => {
  const setup = (): FakeIpcMain => {
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(ipcMain, { whenReady: () => Promise.resolve(endpoint) }, () => {});
    return ipcMain;
  };

  it('answers the kiosk renderer main frame with the core endpoint only', async () => {
    const answer = await setup().invoke(IpcChannel.GetCoreEndpoint, 'kiosk://app/index.html');
    expect(answer).toEqual(endpoint);
  });

  it('rejects other origins and subframes', async () => {
    const ipcMain = setup();
    for (const [url, main] of [
      ['https://example.org/', true],
      ['file:///opt/kiosk/index.html', true],
      ['kiosk://app/index.html', false],
    ] as const) {
      await expect(ipcMain.invoke(IpcChannel.GetCoreEndpoint, url, main)).rejects.toBeInstanceOf(
        IpcSenderRejectedError,
      );
    }
  });

  it('registers no channel but the ones in the shared list', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  });
});
