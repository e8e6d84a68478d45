import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restartDelay } from './restart-backoff';

describe('restartDelay', () => {
  it('doubles from the first delay and stops at the cap', () => {
    const backoff = { firstMs: 500, maxMs: 15_000 };
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => restartDelay(n, backoff))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ]);
  });

  it('stays between the first delay and the cap for any attempt', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 10_000 }), (attempt, firstMs) => {
        const d = restartDelay(attempt, { firstMs, maxMs: firstMs * 8 });
        expect(d).toBeGreaterThanOrEqual(firstMs);
        expect(d).toBeLessThanOrEqual(firstMs * 8);
      }),
    );
  });
});
