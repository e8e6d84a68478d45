import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusAt } from './portal-statuses';

describe('statusAt', () => {
  it('moves received → processing → an outcome, and the outcome never changes afterwards', () => {
    expect(statusAt('H29-260310-3000', 0, 0, 10)).toBe('received');
    expect(statusAt('H29-260310-3000', 0, 15, 10)).toBe('processing');
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 20, max: 1e9 }), (code, later) => {
        const outcome = statusAt(code, 0, 20, 10);
        expect(['done', 'needsMoreDocuments', 'returned']).toContain(outcome);
        expect(statusAt(code, 0, later, 10)).toBe(outcome);
      }),
    );
  });
});
