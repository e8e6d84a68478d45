import { describe, expect, it } from 'vitest';
import { KIOSK_BRIDGE_NAME } from '@kiosk/protocol';
import { createKioskBridge } from '../../electron/preload-bridge';
import { IpcChannel } from '../../electron/ipc-channels';
import {
  apiSocketUrl,
  endpointSource,
  NoCoreEndpointError,
  type PageWindow,
} from './core-endpoint';

function fakeWindow(href: string, bridge?: unknown): PageWindow & { reloads: number } {
  const url = new URL(href);
  const win = {
    reloads: 0,
    location: {
      protocol: url.protocol,
      host: url.host,
      reload: () => {
        win.reloads += 1;
      },
    },
    ...(bridge === undefined ? {} : { [KIOSK_BRIDGE_NAME]: bridge }),
  };
  return win;
}

describe('endpointSource in the Electron shell', () => {
  it('takes the endpoint from the preload bridge the preload really builds, at every connect', async () => {
    let port = 4101;
    const asked: string[] = [];
    const bridge = createKioskBridge(async (channel) => {
      asked.push(channel);
      return { url: `http://127.0.0.1:${port}`, token: `tok-${port}` };
    });
    const win = fakeWindow('kiosk://app/index.html', bridge);
    const source = endpointSource(win);
    expect(source.shell).toBe('electron');
    expect(await source.socketUrl()).toBe('ws://127.0.0.1:4101/api?token=tok-4101');
    // A restarted core: new port and token, learnt by asking again; no page reload.
    port = 4102;
    source.credentialRefused();
    expect(await source.socketUrl()).toBe('ws://127.0.0.1:4102/api?token=tok-4102');
    expect(win.reloads).toBe(0);
    expect(asked).toEqual([IpcChannel.GetCoreEndpoint, IpcChannel.GetCoreEndpoint]);
  });
});

describe('endpointSource in the browser shell', () => {
  it('uses the serving host with no token in the URL (the cookie carries it) and reloads on refusal', async () => {
    const win = fakeWindow('http://127.0.0.1:8080/');
    const source = endpointSource(win);
    expect(source.shell).toBe('browser');
    expect(await source.socketUrl()).toBe('ws://127.0.0.1:8080/api');
    source.credentialRefused();
    expect(win.reloads).toBe(1);
  });

  it('ignores a window.kiosk that is not the bridge', async () => {
    const source = endpointSource(fakeWindow('http://localhost:8080/', { getCoreEndpoint: 1 }));
    expect(source.shell).toBe('browser');
    expect(await source.socketUrl()).toBe('ws://localhost:8080/api');
  });

  it('says so when the page has neither the bridge nor the core as its server', async () => {
    const source = endpointSource(fakeWindow('kiosk://app/'));
    await expect(source.socketUrl()).rejects.toBeInstanceOf(NoCoreEndpointError);
  });
});

describe('apiSocketUrl', () => {
  it('turns the core address the shell reports into the API socket, token escaped', () => {
    expect(apiSocketUrl('http://127.0.0.1:9/', 'a+b/c')).toBe(
      'ws://127.0.0.1:9/api?token=a%2Bb%2Fc',
    );
    expect(apiSocketUrl('ws://127.0.0.1:9', 't')).toBe('ws://127.0.0.1:9/api?token=t');
  });
});
