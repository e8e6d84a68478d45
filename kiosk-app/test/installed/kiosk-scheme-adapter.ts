/**
 * Chromium cannot navigate to a custom scheme, so the kiosk window's page is served at a
 * stand-in origin by a tiny HTTP adapter on the loopback interface that answers every request
 * with the shell's own `kiosk://` handler (src/electron/protocol.ts), the URL rewritten to
 * `kiosk://app/...`. Loopback (not request interception): Chromium's local-network-access
 * checks let a loopback page open the core's loopback WebSocket, as the kiosk:// page does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KIOSK_ORIGIN } from '../../src/electron/protocol';

/** `.localhost` names are loopback to Chromium and make the page a secure context. */
const STAND_IN_HOST = 'kiosk-app.localhost';

export type SchemeHandler = (request: Request) => Response | Promise<Response>;

export interface KioskSchemeAdapter {
  /** The page's stand-in for `kiosk://app`. */
  readonly origin: string;
  /** Answers with this handler from now on (the shell registers it once it is ready). */
  serve(handler: SchemeHandler): void;
  toKioskUrl(pageUrl: string): string;
  toPageUrl(kioskUrl: string): string;
  close(): Promise<void>;
}

export async function startKioskSchemeAdapter(): Promise<KioskSchemeAdapter> {
  let handler: SchemeHandler | undefined;
  let origin = '';
  const toKioskUrl = (pageUrl: string): string =>
    pageUrl.startsWith(`${origin}/`) ? `${KIOSK_ORIGIN}${pageUrl.slice(origin.length)}` : pageUrl;
  const toPageUrl = (kioskUrl: string): string =>
    kioskUrl.startsWith(`${KIOSK_ORIGIN}/`)
      ? `${origin}${kioskUrl.slice(KIOSK_ORIGIN.length)}`
      : kioskUrl;

  const server: Server = createServer((req, res) => {
    // Only the stand-in name: a page under another name would be another origin.
    if (handler === undefined || req.headers.host !== new URL(origin).host) {
      res.writeHead(421).end();
      return;
    }
    void Promise.resolve(
      handler(new Request(toKioskUrl(`${origin}${req.url ?? '/'}`), { method: req.method })),
    ).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://${STAND_IN_HOST}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve: (h) => void (handler = h),
    toKioskUrl,
    toPageUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
