/** Delays between restarts of a supervised process: doubling from `firstMs`, capped at `maxMs`. */
export interface RestartBackoff {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoff = { firstMs: 500, maxMs: 15_000 };

/** The wait before restart number `attempt` (0 for the first restart after a failure). */
export function restartDelay(attempt: number, backoff: RestartBackoff): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(backoff.firstMs * 2 ** exponent, backoff.maxMs);
}
