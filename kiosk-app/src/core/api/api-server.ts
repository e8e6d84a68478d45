import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import {
  CLOSE_UNAUTHORISED,
  clientMessageSchema,
  type ApiError,
  type ServerMessage,
} from '@kiosk/protocol';
import type { ApiContext } from './api-context';
import { ApiFailure, ApiSession } from './api-session';
import { SignInGuard } from '../auth/sign-in-guard';
import { DISK_FULL_MESSAGE, DiskFullError, isDiskFull } from '../store/disk-full';
import { listenFailure } from './api-port-in-use';
import { isOwnHost, judgeUpgrade, pageCookie } from './loopback-gate';

/** How often idle staff/technician sessions are checked, so an abandoned one ends on screen. */
const SESSION_SWEEP_MS = 15_000;
import { readStaticFile } from './static-files';

/** Largest frame a client may send; a form edit is a few hundred bytes. */
const MAX_FRAME_BYTES = 64 * 1024;

/** Content-Security-Policy for the renderer: nothing from outside the kiosk. */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws://127.0.0.1:*; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface ApiServerOptions {
  readonly port: number;
  /** The renderer's build folder; without it only the API is served. */
  readonly staticDir?: string;
  /** Extra origins allowed to open the WebSocket (e.g. the Electron shell's `app://kiosk`). */
  readonly extraOrigins?: readonly string[];
}

export interface RunningApiServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function rejectUpgrade(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Serves the renderer and the typed WebSocket API on 127.0.0.1 only, under its own loopback
 * names. A client must present the per-start token (the page: as the cookie served with it) and
 * come from an allowed origin (see loopback-gate.ts); every frame is size-limited and parsed with
 * the protocol schema before it reaches a handler, and a handler error never takes the core down.
 */
export async function startApiServer(
  ctx: ApiContext,
  options: ApiServerOptions,
): Promise<RunningApiServer> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const sessions = new Map<WebSocket, ApiSession>();
  // Sign-in rate limits and the session cap span every connection of this server.
  const signInGuard = new SignInGuard();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const extraOrigins: ReadonlySet<string> = new Set(options.extraOrigins ?? []);
  // Known once the server listens (port 0 = any free port); no request arrives before that.
  let port = options.port;

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!isOwnHost(req.headers.host, port)) {
        ctx.logger.warn('api.rejected', { reason: 'host' });
        res.writeHead(403).end();
        return;
      }
      if (req.method !== 'GET' || !options.staticDir) {
        res.writeHead(404).end();
        return;
      }
      const file = await readStaticFile(options.staticDir, req.url ?? '/');
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      const page = file.type.startsWith('text/html');
      res.writeHead(200, {
        'Content-Type': file.type,
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        // The page's API credential; the page itself never sees it (see loopback-gate.ts).
        ...(page ? { 'Set-Cookie': pageCookie(port, token) } : {}),
      });
      res.end(file.body);
    })().catch(() => res.writeHead(500).end());
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = judgeUpgrade(
      {
        url: req.url ?? '/',
        host: req.headers.host,
        origin: req.headers.origin,
        cookie: req.headers.cookie,
      },
      { port, token, extraOrigins },
      sameToken,
    );
    if (verdict.kind === 'refuse') {
      ctx.logger.warn('api.rejected', { reason: verdict.reason });
      return rejectUpgrade(socket, verdict.status === 404 ? '404 Not Found' : '403 Forbidden');
    }
    if (verdict.kind === 'unknown-credential') {
      // The kiosk's own page or shell with a token from before a restart. A browser cannot read
      // an HTTP 401 at the upgrade (only "failed"), so the socket opens and is closed at once
      // with CLOSE_UNAUTHORISED: the one signal the client acts on (fresh credential, reload).
      ctx.logger.warn('api.rejected', { reason: 'token' });
      wss.handleUpgrade(req, socket, head, (ws) =>
        ws.close(CLOSE_UNAUTHORISED, 'unknown credential'),
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const session = new ApiSession(ctx, { guard: signInGuard });
    sessions.set(ws, session);
    send(ws, { type: 'session', session: session.view() });
    send(ws, { type: 'journey', view: ctx.journey.view() });
    ws.on('message', (data, isBinary) => {
      void handleFrame(ws, session, isBinary ? undefined : data.toString());
    });
    const forget = () => {
      sockets.delete(ws);
      sessions.delete(ws);
      session.dispose();
    };
    ws.on('close', forget);
    ws.on('error', forget);
  });

  async function handleFrame(
    ws: WebSocket,
    session: ApiSession,
    text: string | undefined,
  ): Promise<void> {
    const reject = (id: number | null, error: ApiError) =>
      send(ws, { type: 'reply', id, ok: false, error });
    if (text === undefined)
      return reject(null, {
        code: 'BAD_MESSAGE',
        message: 'binary frames are not part of the protocol',
      });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return reject(null, { code: 'BAD_JSON', message: 'the frame is not valid JSON' });
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const id = z.object({ id: z.number().int() }).safeParse(raw);
      return reject(id.success ? id.data.id : null, {
        code: 'BAD_MESSAGE',
        message: z.prettifyError(parsed.error).slice(0, 500),
      });
    }
    const message = parsed.data;
    const before = session.view().role;
    const announceRole = () => {
      if (session.view().role !== before) send(ws, { type: 'session', session: session.view() });
    };
    try {
      const data = await session.handle(message);
      send(ws, { type: 'reply', id: message.id, ok: true, data });
      announceRole();
    } catch (error) {
      announceRole();
      if (error instanceof ApiFailure) return reject(message.id, error.error);
      if (isDiskFull(error)) {
        ctx.logger.error('api.disk-full', { type: message.type });
        return reject(message.id, {
          code: 'DISK_FULL',
          message: error instanceof DiskFullError ? error.message : DISK_FULL_MESSAGE,
        });
      }
      ctx.logger.error('api.handler-failed', {
        type: message.type,
        error: error instanceof Error ? error.name : 'unknown',
      });
      reject(message.id, { code: 'INTERNAL', message: 'the kiosk could not handle this request' });
    }
  }

  const sweep = setInterval(() => {
    for (const [ws, session] of sessions)
      if (session.expireIfIdle()) send(ws, { type: 'session', session: session.view() });
  }, SESSION_SWEEP_MS);
  sweep.unref();

  let lastView = '';
  const unsubscribe = ctx.journey.subscribe((view) => {
    const json = JSON.stringify(view);
    if (json === lastView) return;
    lastView = json;
    for (const ws of sockets) send(ws, { type: 'journey', view });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenFailure(error, options.port)));
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(sweep);
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
