/**
 * Who may load the kiosk page and open the API on 127.0.0.1 (issue 14 item 5).
 *
 * - Host: only the core's own loopback names with its port. A browser that reaches the core
 *   through DNS rebinding sends the attacker's name, so it gets nothing (RFC 9110 §7.2).
 * - Page credential: the per-start token travels in an HttpOnly, SameSite=Strict cookie set on
 *   the page response, never in the page itself, so script on another site cannot read it and
 *   the browser sends it only with same-site requests. Path=/api keeps it off every other
 *   request; cookies are not port-scoped (RFC 6265 §8.5), so its name carries the port.
 * - Upgrade: the exact Origin of the page or of the Electron shell (RFC 6455 §10.2); a missing
 *   Origin is refused, because every browser sends one and a script outside a browser has the
 *   token file instead (api.json), so it can name the page's origin.
 */
import { API_PATH } from '@kiosk/protocol';

export interface GateOptions {
  readonly port: number;
  readonly token: string;
  /** Origins besides the page's own that may open the API with the token (`kiosk://app`). */
  readonly extraOrigins: ReadonlySet<string>;
}

export interface UpgradeRequest {
  readonly url: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
}

export type UpgradeVerdict =
  | { readonly kind: 'accept' }
  | { readonly kind: 'refuse'; readonly status: 403 | 404; readonly reason: string }
  /** Right host and origin, but a token this core did not issue (e.g. from before a restart). */
  | { readonly kind: 'unknown-credential' };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

function pageOrigins(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
}

export function sessionCookieName(port: number): string {
  return `kiosk-api-${port}`;
}

/** The Set-Cookie value sent with the page: the credential the page's WebSocket presents. */
export function pageCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; Path=${API_PATH}; HttpOnly; SameSite=Strict`;
}

/** One cookie's value from a Cookie header (RFC 6265 §5.4); undefined when absent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** Decides an upgrade; `sameToken` compares in constant time. */
export function judgeUpgrade(
  request: UpgradeRequest,
  options: GateOptions,
  sameToken: (given: string | undefined, expected: string) => boolean,
): UpgradeVerdict {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname !== API_PATH) return { kind: 'refuse', status: 404, reason: 'path' };
  if (!isOwnHost(request.host, options.port))
    return { kind: 'refuse', status: 403, reason: 'host' };
  const origin = request.origin;
  const fromPage = origin !== undefined && pageOrigins(options.port).has(origin);
  if (!fromPage && !(origin !== undefined && options.extraOrigins.has(origin)))
    return { kind: 'refuse', status: 403, reason: 'origin' };
  const query = url.searchParams.get('token') || undefined;
  // The cookie counts only for the page that received it; the shell presents its token.
  const cookie = fromPage
    ? cookieValue(request.cookie, sessionCookieName(options.port))
    : undefined;
  return sameToken(query, options.token) || sameToken(cookie, options.token)
    ? { kind: 'accept' }
    : { kind: 'unknown-credential' };
}
