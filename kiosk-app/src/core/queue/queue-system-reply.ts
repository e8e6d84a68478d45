import { z } from 'zod';
import { QueueSystemError } from './queue-system-error';

/**
 * A number as the queue system issues it: the group's code, then digits (`HT0012`). It never
 * holds a `-`, so it can never equal a kiosk fallback number (`K1-HT007`, see
 * local-queue-sequence.ts): the two ranges are disjoint by construction.
 */
export const SYSTEM_NUMBER_PATTERN = /^[A-Z]{1,4}\d{1,5}$/;

/** What the queue system answers to `POST /api/tickets` (201). */
const replySchema = z.object({
  number: z.string().regex(SYSTEM_NUMBER_PATTERN),
  group: z.string(),
  issuedAt: z.iso.datetime({ offset: true }).optional(),
  waiting: z.number().int().min(0).max(100_000).optional(),
});

export interface QueueSystemTicket {
  readonly number: string;
  readonly group: string;
  readonly waiting?: number;
}

/**
 * Parses the queue system's reply to a ticket request for `group`, once, at the edge. A reply
 * for another group, or a number not in that group's range, is refused: the citizen would be
 * sent to the wrong counters.
 *
 * @throws QueueSystemError `QUEUE_SYSTEM_REPLY_INVALID`
 */
export function parseQueueSystemReply(body: unknown, group: string): QueueSystemTicket {
  const parsed = replySchema.safeParse(body);
  if (!parsed.success) {
    throw new QueueSystemError(
      'QUEUE_SYSTEM_REPLY_INVALID',
      `the queue system's reply is not a ticket (${parsed.error.issues[0]?.path.join('.') || 'body'})`,
    );
  }
  const { number, waiting } = parsed.data;
  if (
    parsed.data.group !== group ||
    !number.startsWith(group) ||
    !/\d/.test(number.charAt(group.length))
  ) {
    throw new QueueSystemError(
      'QUEUE_SYSTEM_REPLY_INVALID',
      `the queue system answered a number of another group (asked ${group})`,
    );
  }
  return waiting === undefined ? { number, group } : { number, group, waiting };
}
