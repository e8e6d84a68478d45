import { IdCardError } from '../errors';

/** Rejects with CARD_TIMEOUT when `promise` has not settled after `ms` (no PC/SC call may hang). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new IdCardError('CARD_TIMEOUT', `${what} did not answer within ${ms} ms`)),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
