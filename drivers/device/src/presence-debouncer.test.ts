import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PresenceDebouncer } from './presence-debouncer';

describe('PresenceDebouncer', () => {
  it('declares a device gone only after the configured number of misses', () => {
    const d = new PresenceDebouncer(3, true);
    expect(d.observe(false)).toBeUndefined();
    expect(d.observe(false)).toBeUndefined();
    expect(d.observe(false)).toBe('gone');
    expect(d.isPresent).toBe(false);
  });

  it('a single sighting resets the miss count and brings a device back', () => {
    const d = new PresenceDebouncer(2, true);
    expect(d.observe(false)).toBeUndefined();
    expect(d.observe(true)).toBeUndefined();
    expect(d.observe(false)).toBeUndefined();
    expect(d.observe(false)).toBe('gone');
    expect(d.observe(true)).toBe('appeared');
  });

  it('never reports gone while fewer than N consecutive misses occur (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 200 }),
        fc.integer({ min: 2, max: 6 }),
        (seq, n) => {
          const d = new PresenceDebouncer(n, true);
          let run = 0;
          for (const seen of seq) {
            const was = d.isPresent;
            const change = d.observe(seen);
            run = seen ? 0 : run + 1;
            if (change === 'gone') expect(was && run >= n).toBe(true);
          }
        },
      ),
    );
  });
});
