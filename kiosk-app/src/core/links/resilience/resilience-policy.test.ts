import { describe, expect, it } from 'vitest';
import {
  createResilience,
  failureKind,
  TransientError,
  type ResilienceOptions,
} from './resilience-policy';

const fast: ResilienceOptions = {
  timeoutMs: 50,
  maxAttempts: 3,
  backoff: { initialMs: 1, maxMs: 2 },
  breaker: { consecutiveFailures: 4, halfOpenAfterMs: 60_000 },
};

describe('createResilience', () => {
  it('retries transient failures and returns the first success', async () => {
    const r = createResilience(fast);
    let calls = 0;
    const value = await r.run(async () => {
      calls += 1;
      if (calls < 3) throw new TransientError('network', 'down');
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry a permanent failure', async () => {
    const r = createResilience(fast);
    let calls = 0;
    await expect(
      r.run(async () => {
        calls += 1;
        throw new Error('bad request');
      }),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });

  it('times out an attempt that never answers, aborting its signal', async () => {
    const r = createResilience({ ...fast, maxAttempts: 1 });
    let aborted = false;
    const error = await r
      .run(
        (signal) =>
          new Promise<never>((_, reject) => {
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(new Error('aborted'));
            });
          }),
      )
      .catch((e: unknown) => e);
    expect(failureKind(error)).toBe('timeout');
    expect(aborted).toBe(true);
  });

  it('opens the circuit after consecutive failures and then fails fast', async () => {
    const r = createResilience({ ...fast, maxAttempts: 1 });
    let calls = 0;
    const failing = (): Promise<never> => {
      calls += 1;
      return Promise.reject(new TransientError('server-error', '503'));
    };
    for (let i = 0; i < 4; i += 1) await r.run(failing).catch(() => undefined);
    expect(r.circuit).toBe('open');
    const error = await r.run(failing).catch((e: unknown) => e);
    expect(failureKind(error)).toBe('circuit-open');
    expect(calls).toBe(4);
  });
});
