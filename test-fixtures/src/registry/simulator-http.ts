import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers shared by the registry and portal simulators. */
export async function readBody(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = 'application/json',
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Failure modes both simulators understand. */
export type CommonMode =
  | { readonly kind: 'normal' }
  /** Answer 503 to everything. */
  | { readonly kind: 'fail'; readonly status?: number }
  /** Accept the request and never answer (until the mode changes or the server closes). */
  | { readonly kind: 'stall' }
  /** Answer normally after a delay. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Answer 200 with a body that is not valid JSON or not the expected shape. */
  | { readonly kind: 'malformed'; readonly body?: string };
