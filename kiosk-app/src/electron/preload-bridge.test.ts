import { describe, expect, it } from 'vitest';
import { IpcChannel } from './ipc-channels';
import { BridgeAnswerError, createKioskBridge } from './preload-bridge';

describe('createKioskBridge (checklist item 20)', () => {
  it('exposes a single frozen function that asks the main process for the core endpoint', async () => {
    const asked: string[] = [];
    const bridge = createKioskBridge(async (channel) => {
      asked.push(channel);
      return { url: 'ws://127.0.0.1:1/api', token: 'x'.repeat(32) };
    });
    expect(Object.keys(bridge)).toEqual(['getCoreEndpoint']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await expect(bridge.getCoreEndpoint()).resolves.toEqual({
      url: 'ws://127.0.0.1:1/api',
      token: 'x'.repeat(32),
    });
    expect(asked).toEqual([IpcChannel.GetCoreEndpoint]);
  });

  it('passes nothing but url and token to the page', async () => {
    const bridge = createKioskBridge(async () => ({
      url: 'ws://127.0.0.1:1',
      token: 't',
      extra: 1,
    }));
    await expect(bridge.getCoreEndpoint()).resolves.toEqual({
      url: 'ws://127.0.0.1:1',
      token: 't',
    });
  });

  it('rejects a malformed answer with a typed error', async () => {
    for (const answer of [null, 'x', { url: 1, token: 't' }, { url: 'u' }]) {
      const bridge = createKioskBridge(async () => answer);
      await expect(bridge.getCoreEndpoint()).rejects.toBeInstanceOf(BridgeAnswerError);
    }
  });
});
