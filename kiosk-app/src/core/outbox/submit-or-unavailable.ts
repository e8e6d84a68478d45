/** What a worker records when a send throws instead of answering: the link is taken as down. */
export interface ThrownUnavailable {
  readonly kind: 'unavailable';
  readonly reason: 'network';
  readonly message: string;
}

/**
 * Runs one send of an outbox worker. A gateway should never throw; if one does, its row is
 * treated as "unavailable" (retried later), never lost and never allowed to stop the worker.
 */
export async function submitOrUnavailable<T>(
  send: () => Promise<T>,
): Promise<T | ThrownUnavailable> {
  try {
    return await send();
  } catch (error) {
    return {
      kind: 'unavailable',
      reason: 'network',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
