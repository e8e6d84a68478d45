import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from './blind-index';
import { testKey } from './test-keys';

const PERSON = { table: 'receipts', column: 'personal_id' };
const twelveDigits = fc.stringMatching(/^\d{12}$/);

describe('BlindIndex', () => {
  const index = new BlindIndex(testKey(1));

  it('is deterministic and keyed', () => {
    fc.assert(
      fc.property(twelveDigits, (id) => {
        const token = index.tokenOf(id, PERSON);
        expect(BlindIndex.isToken(token)).toBe(true);
        expect(token).not.toContain(id);
        expect(index.tokenOf(id, PERSON)).toBe(token);
        expect(new BlindIndex(testKey(2)).tokenOf(id, PERSON)).not.toBe(token);
      }),
    );
  });

  it('gives different tokens for different IDs and for different columns', () => {
    fc.assert(
      fc.property(twelveDigits, twelveDigits, (a, b) => {
        fc.pre(a !== b);
        expect(index.tokenOf(a, PERSON)).not.toBe(index.tokenOf(b, PERSON));
      }),
    );
    expect(index.tokenOf('079203001234', PERSON)).not.toBe(
      index.tokenOf('079203001234', { table: 'other', column: 'personal_id' }),
    );
  });

  it('ignores spaces typed by staff', () => {
    expect(index.tokenOf(' 0792 0300 1234 ', PERSON)).toBe(index.tokenOf('079203001234', PERSON));
  });

  it('offers the token under every key of the ring, current first', () => {
    const ring = new BlindIndex({ current: testKey(2), previous: [testKey(1)] });
    expect(ring.candidates('079203001234', PERSON)).toEqual([
      new BlindIndex(testKey(2)).tokenOf('079203001234', PERSON),
      index.tokenOf('079203001234', PERSON),
    ]);
  });
});
