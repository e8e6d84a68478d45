import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNationalProcedureCode, localProcedureCode, parseProcedureCode } from './procedure-code';

describe('procedure codes', () => {
  it('extends a national code with a local suffix, or keeps it as it is', () => {
    expect(localProcedureCode('1.001612', '000.00.00.H56')).toBe('1.001612.000.00.00.H56');
    expect(localProcedureCode('1.001612')).toBe('1.001612');
  });

  it.each(['1.1612', '1.001612.000.00.00.H56', 'KIOSK', ''])(
    'refuses %j as the national part',
    (national) => {
      expect(() => localProcedureCode(national, '000.00.00.H56')).toThrow(RangeError);
    },
  );

  it.each(['H56', '000.00.00.56', '000.00.00.h56', '.000.00.00.H56', '000.00.00.H5'])(
    'refuses %j as a local suffix',
    (suffix) => {
      expect(() => localProcedureCode('1.001612', suffix)).toThrow(RangeError);
    },
  );

  it('splits a local code into the national code and the suffix, and a national code alone', () => {
    expect(parseProcedureCode('1.001612.000.00.00.H56')).toEqual({
      national: '1.001612',
      localSuffix: '000.00.00.H56',
    });
    expect(parseProcedureCode('2.000815')).toEqual({ national: '2.000815' });
    for (const bad of ['1.001612.H56', '1.001612.000.00.00', '01.001612', '1.001612 '])
      expect(parseProcedureCode(bad)).toBeUndefined();
  });

  it('parses back every code it makes', () => {
    const national = fc.stringMatching(/^\d\.\d{6}$/);
    const suffix = fc.option(fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/), {
      nil: undefined,
    });
    fc.assert(
      fc.property(national, suffix, (n, s) => {
        expect(isNationalProcedureCode(n)).toBe(true);
        const parts = parseProcedureCode(localProcedureCode(n, s));
        expect(parts).toEqual(s === undefined ? { national: n } : { national: n, localSuffix: s });
      }),
    );
  });
});
