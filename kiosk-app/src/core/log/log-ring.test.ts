import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogRing } from './log-ring';
import { createLogger } from './logger';

describe('LogRing', () => {
  it('keeps the last `capacity` lines in order, with sequence numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (cap, n) => {
        const ring = new LogRing(cap);
        for (let i = 0; i < n; i += 1) ring.push(`line ${i}`);
        const kept = Math.min(cap, n);
        expect(ring.lines()).toEqual(
          Array.from({ length: kept }, (_, i) => `line ${n - kept + i}`),
        );
        expect(ring.firstSequence).toBe(n - kept);
        expect(ring.nextSequence).toBe(n);
        const from = ring.linesFrom(n - 1);
        expect(from.lines).toEqual(n > 0 ? [`line ${n - 1}`] : []);
        // Asking for lines already overwritten starts at the oldest kept one.
        expect(ring.linesFrom(0).first).toBe(n - kept);
      }),
    );
  });

  it('lists the last warnings and errors with their fields, newest last', () => {
    const ring = new LogRing(10);
    const logger = createLogger((line) => ring.push(line));
    logger.info('a');
    logger.warn('b', { reason: 'timeout' });
    logger.error('c');
    logger.info('d');
    ring.push('not json');
    expect(ring.recentProblems(5).map((e) => [e.level, e.event])).toEqual([
      ['warn', 'b'],
      ['error', 'c'],
    ]);
    expect(ring.recentProblems(1).map((e) => e.event)).toEqual(['c']);
    expect(ring.recentProblems(5)[0]?.fields).toEqual({ reason: 'timeout' });
  });
});
