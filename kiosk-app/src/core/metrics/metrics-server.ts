import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KioskMetrics } from './kiosk-metrics';

/** Certificates for scraping over TLS; with `clientCa`, a scraper must show a certificate it signed. */
export interface MetricsTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly clientCa?: string | Buffer;
}

export interface MetricsServerOptions {
  readonly host: string;
  readonly port: number;
  /** When set, `/metrics` needs `Authorization: Bearer <token>` (RFC 6750 §2.1). */
  readonly bearerToken?: string;
  readonly tls?: MetricsTls;
  /** Why the core is not ready, as fixed codes (empty: ready). In memory; no I/O. */
  readonly notReady: () => readonly string[];
}

export interface RunningMetricsServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

function answer(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * The monitoring port: `/metrics` (Prometheus text format, behind the bearer token or client
 * certificate when configured), `/livez` and `/readyz` for systemd and a blackbox prober (no
 * token: they say only "ok" or fixed reason codes, nothing about any citizen). The detailed
 * health report stays on the API, behind a technician's sign-in.
 */
export async function startMetricsServer(
  metrics: KioskMetrics,
  options: MetricsServerOptions,
): Promise<RunningMetricsServer> {
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/livez') {
      answer(res, 200, 'ok\n');
      return;
    }
    if (path === '/readyz') {
      const reasons = options.notReady();
      answer(
        res,
        reasons.length === 0 ? 200 : 503,
        reasons.length === 0 ? 'ready\n' : `not ready: ${reasons.join(' ')}\n`,
      );
      return;
    }
    if (path !== '/metrics') {
      answer(res, 404, 'not found\n');
      return;
    }
    if (
      options.bearerToken !== undefined &&
      !bearerMatches(req.headers.authorization, options.bearerToken)
    ) {
      answer(res, 401, 'unauthorized\n', { 'www-authenticate': 'Bearer realm="kiosk-metrics"' });
      return;
    }
    metrics.exposition().then(
      (body) => answer(res, 200, body, { 'content-type': metrics.contentType }),
      () => answer(res, 500, 'metrics unavailable\n'),
    );
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          cert: options.tls.cert,
          key: options.tls.key,
          ...(options.tls.clientCa
            ? { ca: options.tls.clientCa, requestCert: true, rejectUnauthorized: true }
            : {}),
        },
        handle,
      )
    : createHttpServer(handle);
  // A scraper holds no connection for long; a stuck one must not keep sockets open.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
