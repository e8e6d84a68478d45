import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthCenturyOf, birthDateWithIdCentury } from './personal-id-birth-date';

describe('birthCenturyOf', () => {
  it('reads the century from the 4th digit, whatever the sex', () => {
    expect(birthCenturyOf('001090012345')).toBe(1900);
    expect(birthCenturyOf('001190012345')).toBe(1900);
    expect(birthCenturyOf('001205012345')).toBe(2000);
    expect(birthCenturyOf('001305012345')).toBe(2000);
    expect(birthCenturyOf('001405012345')).toBe(2100);
    expect(birthCenturyOf('001905012345')).toBe(2300);
    expect(birthCenturyOf('00109001234')).toBeUndefined();
  });
});

describe('birthDateWithIdCentury', () => {
  it("puts an MRZ date the parser placed in this century into the ID's century", () => {
    // Born 1920: the MRZ says 200315, the parser's "not in the future" guess is 2020.
    expect(birthDateWithIdCentury('001020012345', '2020-03-15')).toBe('1920-03-15');
    expect(birthDateWithIdCentury('001305012345', '2005-12-31')).toBe('2005-12-31');
  });

  it('refuses a two-digit year that is not the ID’s, and a day the century lacks', () => {
    expect(birthDateWithIdCentury('001090012345', '1991-01-01')).toBeUndefined();
    expect(birthDateWithIdCentury('001000012345', '2000-02-29')).toBeUndefined();
    expect(birthDateWithIdCentury('001200012345', '2000-02-29')).toBe('2000-02-29');
    expect(birthDateWithIdCentury('001090012345', '90-01-01')).toBeUndefined();
  });

  it('never throws, and what it returns agrees with the ID (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.string(), (id, text) => {
        expect(() => birthDateWithIdCentury(id, text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (id, date) => {
          const resolved = birthDateWithIdCentury(id, date.toISOString().slice(0, 10));
          if (resolved === undefined) return;
          expect(resolved.slice(2, 4)).toBe(id.slice(4, 6));
          expect(Math.floor(Number(resolved.slice(0, 4)) / 100) * 100).toBe(birthCenturyOf(id));
          expect(resolved.slice(4)).toBe(date.toISOString().slice(4, 10));
        },
      ),
    );
  });
});
