import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';

/**
 * Timeouts, retries with exponential backoff and jitter, and a circuit breaker for every call to
 * an outside system (population registry, dossier gateway, OAuth2 token endpoint). Built on
 * cockatiel, which implements these policies well; this module only fixes how the kiosk combines
 * them and which failures count: transient ones (network, timeout, 5xx, 429) are retried and
 * trip the breaker; permanent ones (4xx, malformed bodies) are not retried.
 */
export interface ResilienceOptions {
  /** Limit for one attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
  readonly breaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  timeoutMs: 5_000,
  maxAttempts: 3,
  backoff: { initialMs: 200, maxMs: 5_000 },
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 30_000 },
};

/** A failure worth trying again: the same request may well succeed a moment later. */
export class TransientError extends Error {
  override readonly name = 'TransientError';

  constructor(
    readonly reason: 'network' | 'server-error' | 'throttled' | 'auth-expired',
    message: string,
  ) {
    super(message);
  }
}

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export interface Resilience {
  /** Runs `attempt` under the policies; `signal` aborts when the attempt times out. */
  run<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  readonly circuit: CircuitStateName;
}

/** Classifies whatever a resilient call threw into the kiosk's reasons. */
export type FailureKind = 'timeout' | 'circuit-open' | TransientError['reason'];

export function failureKind(error: unknown): FailureKind | undefined {
  if (error instanceof TaskCancelledError) return 'timeout';
  if (error instanceof BrokenCircuitError) return 'circuit-open';
  if (error instanceof TransientError) return error.reason;
  return undefined;
}

const isTransient = (error: Error): boolean =>
  error instanceof TransientError || error instanceof TaskCancelledError;

export function createResilience(options: ResilienceOptions = DEFAULT_RESILIENCE): Resilience {
  const retryPolicy = retry(handleWhen(isTransient), {
    maxAttempts: Math.max(0, options.maxAttempts - 1),
    // cockatiel's default generator is "decorrelated jitter" exponential backoff.
    backoff: new ExponentialBackoff({
      initialDelay: options.backoff.initialMs,
      maxDelay: options.backoff.maxMs,
    }),
  });
  const breakerPolicy = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
  });
  const timeoutPolicy = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const policy = wrap(retryPolicy, breakerPolicy, timeoutPolicy);
  return {
    run: (attempt) =>
      policy.execute(
        ({ signal }) =>
          attempt(signal).catch((error: unknown) => {
            // An attempt that gave up because its signal fired is a timeout, whatever it threw.
            if (signal.aborted)
              throw new TaskCancelledError(`no answer within ${options.timeoutMs} ms`);
            throw error;
          }),
        // A signal per call: without one, cockatiel chains every call onto one shared signal.
        new AbortController().signal,
      ),
    get circuit(): CircuitStateName {
      switch (breakerPolicy.state) {
        case CircuitState.Open:
          return 'open';
        case CircuitState.HalfOpen:
          return 'half-open';
        case CircuitState.Isolated:
          return 'isolated';
        default:
          return 'closed';
      }
    },
  };
}
