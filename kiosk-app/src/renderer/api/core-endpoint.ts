/**
 * The one place that decides how the renderer reaches the core (issue 13 item 1):
 *
 * - Electron shell: the preload bridge (`window.kiosk`, shape in protocol/kiosk-bridge.ts) says
 *   where the core listens and gives its token. It is asked again at every connect, because a
 *   restarted core has a new token, and maybe a new port.
 * - Browser shell (`kiosk serve`): the page came from the core itself, so the API is on the same
 *   host, and the credential is the HttpOnly cookie served with the page. A core that does not
 *   know that cookie any more (it restarted) is answered by reloading the page, which brings
 *   the new cookie.
 */
import { API_PATH, KIOSK_BRIDGE_NAME, type KioskBridge } from '@kiosk/protocol';

export interface EndpointSource {
  readonly shell: 'electron' | 'browser';
  /** The WebSocket URL for the next connection attempt. */
  socketUrl(): Promise<string>;
  /** The core closed with "credential unknown" (4401): get a fresh one. */
  credentialRefused(): void;
}

/** The slice of `window` this module reads, so tests pass a plain object. */
export interface PageWindow {
  readonly location: Pick<Location, 'protocol' | 'host' | 'reload'>;
  readonly [KIOSK_BRIDGE_NAME]?: unknown;
}

export class NoCoreEndpointError extends Error {
  readonly code = 'NO_CORE_ENDPOINT';
  constructor(protocol: string) {
    super(`the page (${protocol}) has neither the Electron bridge nor the core as its server`);
    this.name = 'NoCoreEndpointError';
  }
}

function isBridge(value: unknown): value is KioskBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<KioskBridge>).getCoreEndpoint === 'function'
  );
}

/** The core's address (`http://` or `ws://` loopback) as the API's WebSocket URL. */
export function apiSocketUrl(coreUrl: string, token: string): string {
  const url = new URL(coreUrl);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = API_PATH;
  url.search = '';
  url.searchParams.set('token', token);
  return url.toString();
}

export function endpointSource(win: PageWindow): EndpointSource {
  const bridge = win[KIOSK_BRIDGE_NAME];
  if (isBridge(bridge)) {
    return {
      shell: 'electron',
      socketUrl: async () => {
        const { url, token } = await bridge.getCoreEndpoint();
        return apiSocketUrl(url, token);
      },
      // The next socketUrl() asks the bridge again, which waits for the restarted core.
      credentialRefused: () => undefined,
    };
  }
  const { protocol, host } = win.location;
  return {
    shell: 'browser',
    socketUrl: async () => {
      if (protocol !== 'http:' && protocol !== 'https:') throw new NoCoreEndpointError(protocol);
      return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API_PATH}`;
    },
    credentialRefused: () => win.location.reload(),
  };
}
