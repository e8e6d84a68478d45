import type { QueueSystemPort } from '../ports';
import { QueueSystemError } from './queue-system-error';
import { parseQueueSystemReply, type QueueSystemTicket } from './queue-system-reply';

export const QUEUE_TICKETS_PATH = '/api/tickets';

/**
 * The centre's queue system over HTTP: `POST /api/tickets {group, kiosk}` answers
 * `201 {number, group, issuedAt?, waiting?}`. There is no national standard for this link;
 * vendors differ, so another system gets another adapter behind the same port.
 */
export class HttpQueueSystem implements QueueSystemPort {
  constructor(
    private readonly baseUrl: string,
    private readonly kioskId: string,
  ) {}

  async issue(group: string, signal: AbortSignal): Promise<QueueSystemTicket> {
    let response: Response;
    try {
      response = await fetch(new URL(QUEUE_TICKETS_PATH, this.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ group, kiosk: this.kioskId }),
        signal,
      });
    } catch (error) {
      const why = signal.aborted ? 'no answer in time' : causeOf(error);
      throw new QueueSystemError(
        'QUEUE_SYSTEM_UNAVAILABLE',
        `the queue system cannot be reached (${why})`,
      );
    }
    if (response.status >= 500) {
      await response.arrayBuffer().catch(() => undefined);
      throw new QueueSystemError(
        'QUEUE_SYSTEM_UNAVAILABLE',
        `the queue system failed (HTTP ${response.status})`,
      );
    }
    if (response.status !== 201) {
      await response.arrayBuffer().catch(() => undefined);
      throw new QueueSystemError(
        'QUEUE_SYSTEM_REPLY_INVALID',
        `the queue system refused the ticket (HTTP ${response.status})`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new QueueSystemError(
        signal.aborted ? 'QUEUE_SYSTEM_UNAVAILABLE' : 'QUEUE_SYSTEM_REPLY_INVALID',
        signal.aborted ? 'the queue system stopped answering' : 'the queue system answered no JSON',
      );
    }
    return parseQueueSystemReply(body, group);
  }
}

/**
 * `ECONNREFUSED`, `ENOTFOUND`, "bad port"…: what undici puts in `cause`, without the URL or a
 * body (neither holds personal data, but the log keeps to the reason).
 */
function causeOf(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message.slice(0, 80);
  return error instanceof Error ? error.name : 'error';
}
