import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { parseAssignments } from './config';

describe('parseAssignments', () => {
  it('reads JSON values and falls back to plain strings', () => {
    expect(
      parseAssignments(['inactivitySeconds=90', 'centreName=Trung tâm B', 'printerUri=null']),
    ).toEqual({ inactivitySeconds: 90, centreName: 'Trung tâm B', printerUri: null });
    expect(parseAssignments(['registry={"url":"https://r.example"}'])).toEqual({
      registry: { url: 'https://r.example' },
    });
  });

  it('keeps __proto__ as a plain key instead of changing the object prototype', () => {
    const parsed = parseAssignments(['__proto__={"polluted":true}']);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('refuses a pair without a key', () => {
    expect(() => parseAssignments(['=1'])).toThrow(CliError);
    expect(() => parseAssignments(['centreName'])).toThrow(/key=value/);
  });

  it('round-trips any key and JSON value, and never throws anything but CliError (property)', () => {
    const key = fc.string({ minLength: 1 }).filter((k) => !k.includes('='));
    fc.assert(
      fc.property(key, fc.jsonValue(), (k, v) => {
        const text = JSON.stringify(v);
        expect(parseAssignments([`${k}=${text}`])[k]).toEqual(JSON.parse(text));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string()), (pairs) => {
        try {
          parseAssignments(pairs);
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
        }
      }),
    );
  });
});
