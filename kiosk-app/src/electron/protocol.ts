/**
 * Serves the built renderer (kiosk-app/dist/renderer) from the custom `kiosk://app/` origin
 * instead of `file://`.
 *
 * Why: Electron security checklist item 18 ("Avoid usage of the file:// protocol and prefer
 * usage of custom protocols"). A `file://` page can read any local file the kiosk user can;
 * a standard, secure custom scheme gets a real origin (so CSP 'self', permission checks and
 * the IPC sender check have something to compare against) and only the files under the renderer
 * root can be reached.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import type { ShellProtocol } from './electron-api';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const KIOSK_SCHEME = 'kiosk';
export const KIOSK_HOST = 'app';
export const KIOSK_ORIGIN = `${KIOSK_SCHEME}://${KIOSK_HOST}`;
export const RENDERER_ENTRY_URL = `${KIOSK_ORIGIN}/index.html`;

/**
 * Must be registered before `app` is ready. `standard` gives the scheme URL semantics and an
 * origin; `secure` makes it a secure context (camera access needs one); no `bypassCSP`,
 * no `corsEnabled`, no `allowServiceWorkers`: the renderer needs none of them.
 */
export const KIOSK_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: KIOSK_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * The renderer build emits a known, small set of file types; a full MIME database would add
 * weight to the main bundle for no gain. Anything else is served as an opaque download type,
 * which `nosniff` stops the renderer from executing.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a `kiosk://app/...` URL to a file under `rendererRoot`, or `null` when the URL is not
 * ours or would escape the root (`..`, encoded separators, NUL bytes, other hosts).
 */
export function resolveRendererPath(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${KIOSK_SCHEME}:` || url.host !== KIOSK_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererRoot);
  const resolved = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

export interface RendererHandlerOptions {
  rendererRoot: string;
  /** Injected for tests; defaults to fs.readFile. */
  read?: (filePath: string) => Promise<Uint8Array>;
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/** The `protocol.handle` handler for the kiosk scheme. */
export function createRendererHandler(
  options: RendererHandlerOptions,
): (request: Request) => Promise<Response> {
  const read = options.read ?? ((filePath: string) => readFile(filePath));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }
    const filePath = resolveRendererPath(options.rendererRoot, request.url);
    if (filePath === null) return plainResponse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(filePath);
    } catch {
      return plainResponse(404, 'Not found');
    }
    // Copy into a plain ArrayBuffer-backed view, which is what the fetch Body types accept.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeFor(filePath),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    });
  };
}

/** Call before `app.whenReady()` resolves. */
export function registerKioskScheme(protocol: ShellProtocol): void {
  protocol.registerSchemesAsPrivileged([KIOSK_SCHEME_PRIVILEGES]);
}

/** Call after `app.whenReady()`. */
export function serveRenderer(protocol: ShellProtocol, rendererRoot: string): void {
  protocol.handle(KIOSK_SCHEME, createRendererHandler({ rendererRoot }));
}
