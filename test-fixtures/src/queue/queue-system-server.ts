import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A centre's queue system (hệ thống xếp hàng tự động) as a real HTTP server: each counter group
 * (service code, e.g. `HT`) has its own daily sequence, and numbers are the code then four digits
 * (`HT0001`). Written apart from the kiosk's client, so each checks the other. `fail()` makes it
 * behave as a system that is down, for fault tests.
 *
 *   POST /api/tickets {"group":"HT","kiosk":"KIOSK-01"} → 201 {number, group, issuedAt, waiting}
 *   GET  /api/tickets → 200 [the tickets issued, oldest first]
 */
export interface QueueSystemOptions {
  readonly port?: number;
  /** Service codes the system knows; another group is answered 404. */
  readonly groups: readonly string[];
  readonly now?: () => Date;
}

export interface IssuedTicket {
  readonly number: string;
  readonly group: string;
  readonly kiosk: string;
  readonly issuedAt: string;
}

/**
 * `http-500`: answers 500; `hang`: accepts the request and never answers; `garbage`: answers 201
 * with a body that is no ticket; `null`: healthy.
 */
export type QueueSystemFault = 'http-500' | 'hang' | 'garbage' | null;

export interface QueueSystem {
  readonly url: string;
  readonly issued: readonly IssuedTicket[];
  fail(fault: QueueSystemFault): void;
  close(): Promise<void>;
}

export const QUEUE_TICKETS_PATH = '/api/tickets';
const MAX_BODY = 4096;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) reject(new Error('body too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

export async function startQueueSystem(options: QueueSystemOptions): Promise<QueueSystem> {
  const now = options.now ?? (() => new Date());
  const known = new Set(options.groups);
  const next = new Map<string, number>();
  const issued: IssuedTicket[] = [];
  const hanging = new Set<ServerResponse>();
  let fault: QueueSystemFault = null;

  const issue = (group: string, kiosk: string): IssuedTicket => {
    const at = now();
    // Sequences restart each day (in the centre's time zone, UTC+7).
    const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const key = `${day}/${group}`;
    const n = next.get(key) ?? 1;
    next.set(key, n + 1);
    const ticket = {
      number: `${group}${String(n).padStart(4, '0')}`,
      group,
      kiosk,
      issuedAt: at.toISOString(),
    };
    issued.push(ticket);
    return ticket;
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://queue').pathname;
    if (path !== QUEUE_TICKETS_PATH) return send(response, 404, { error: 'not found' });
    if (request.method === 'GET') return send(response, 200, issued);
    if (request.method !== 'POST') return send(response, 405, { error: 'POST or GET' });
    readBody(request).then(
      (text) => {
        if (fault === 'hang') {
          hanging.add(response);
          return;
        }
        if (fault === 'http-500') return send(response, 500, { error: 'queue database offline' });
        if (fault === 'garbage') return send(response, 201, { so: 'không có' });
        let draft: { group?: unknown; kiosk?: unknown };
        try {
          draft = JSON.parse(text) as { group?: unknown; kiosk?: unknown };
        } catch {
          return send(response, 400, { error: 'not JSON' });
        }
        if (typeof draft.group !== 'string' || !known.has(draft.group))
          return send(response, 404, { error: 'unknown group' });
        const ticket = issue(draft.group, typeof draft.kiosk === 'string' ? draft.kiosk : '');
        const waiting = issued.filter((t) => t.group === ticket.group).length - 1;
        send(response, 201, {
          number: ticket.number,
          group: ticket.group,
          issuedAt: ticket.issuedAt,
          waiting,
        });
      },
      () => send(response, 413, { error: 'body too large' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issued,
    fail: (next) => {
      fault = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
