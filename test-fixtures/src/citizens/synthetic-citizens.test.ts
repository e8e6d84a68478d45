import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cccdExpiry, syntheticCitizen, syntheticCitizens } from './synthetic-citizens';

describe('synthetic citizens', () => {
  it('are deterministic for a seed and index', () => {
    expect(syntheticCitizen(3)).toEqual(syntheticCitizen(3));
    expect(syntheticCitizen(3, 1)).not.toEqual(syntheticCitizen(3, 2));
  });

  it('have unique, well-formed 12-digit IDs and NFC names', () => {
    const all = syntheticCitizens(300);
    expect(new Set(all.map((c) => c.personalId)).size).toBe(300);
    for (const c of all) {
      expect(c.personalId).toMatch(/^\d{12}$/);
      expect(c.fullName).toBe(c.fullName.normalize('NFC'));
      expect(c.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const centuryDigit = Number(c.personalId[3]);
      expect(centuryDigit % 2 === 1).toBe(c.sex === 'F');
      expect(c.personalId.slice(4, 6)).toBe(c.dateOfBirth.slice(2, 4));
    }
  });

  it('applies the CCCD expiry milestones (25, 40, 60, none)', () => {
    expect(cccdExpiry('2005-03-04', '2021-06-01')).toBe('2030-03-04');
    expect(cccdExpiry('1990-03-04', '2021-06-01')).toBe('2030-03-04');
    expect(cccdExpiry('1970-03-04', '2021-06-01')).toBe('2030-03-04');
    expect(cccdExpiry('1960-03-04', '2021-06-01')).toBeUndefined();
  });

  it('expiry is always after issue when present (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (i) => {
        const c = syntheticCitizen(i);
        if (c.dateOfExpiry) expect(c.dateOfExpiry > (c.dateOfIssue ?? '')).toBe(true);
      }),
    );
  });
});
