import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCRYPT, decodeCost, encodeCost, LEGACY_SCRYPT } from './pin-hash';

describe('stored scrypt cost', () => {
  it('round-trips the current and legacy costs', () => {
    expect(decodeCost(encodeCost(CURRENT_SCRYPT))).toEqual(CURRENT_SCRYPT);
    expect(decodeCost(encodeCost(LEGACY_SCRYPT))).toEqual(LEGACY_SCRYPT);
  });

  it('reads any stored text as a bounded cost, never asking for huge memory (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^scrypt:\d{1,3}:\d{1,3}:\d{1,3}$/)),
        (text) => {
          const cost = decodeCost(text);
          expect(cost.log2N).toBeLessThanOrEqual(20);
          expect(cost.r).toBeLessThanOrEqual(32);
          expect(cost.p).toBeLessThanOrEqual(16);
        },
      ),
    );
  });
});
