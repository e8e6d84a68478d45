/**
 * Why the queue system gave no number. `UNAVAILABLE`: no answer in time, connection refused or
 * a 5xx (the system is down); `REPLY_INVALID`: it answered something that is not a number for
 * the group asked. Either way the kiosk issues its own number and tells the technician.
 */
export type QueueSystemErrorCode = 'QUEUE_SYSTEM_UNAVAILABLE' | 'QUEUE_SYSTEM_REPLY_INVALID';

export class QueueSystemError extends Error {
  override readonly name = 'QueueSystemError';

  constructor(
    readonly code: QueueSystemErrorCode,
    /** Plain English for the technician; never personal data (a queue call carries none). */
    message: string,
  ) {
    super(message);
  }
}
