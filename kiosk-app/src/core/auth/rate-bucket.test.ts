import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateBucket } from './rate-bucket';

describe('RateBucket', () => {
  it('allows the burst, then one try per refill period', () => {
    let now = 0;
    const bucket = new RateBucket({ burst: 3, refillMs: 1_000 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.waitMs()).toBe(1_000);
    now += 999;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
  });

  it('never grants more than burst + elapsed/refill tries (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: -5_000, max: 5_000 }), { maxLength: 200 }),
        (burst, refillMs, steps) => {
          let now = 0;
          let latest = 0;
          const bucket = new RateBucket({ burst, refillMs }, () => now);
          let granted = 0;
          for (const step of steps) {
            now += step; // a faulty clock may even go back
            latest = Math.max(latest, now);
            if (bucket.take()) granted += 1;
          }
          const forwardTime = steps.reduce((sum, s) => sum + Math.max(0, s), 0);
          expect(granted).toBeLessThanOrEqual(burst + Math.floor(forwardTime / refillMs));
        },
      ),
    );
  });
});
