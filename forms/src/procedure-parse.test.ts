import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parseProcedure, parseProcedureJson } from './procedure-parse';

const validText = readFileSync(
  fileURLToPath(new URL('../procedures/dang-ky-thuong-tru.json', import.meta.url)),
  'utf8',
);

/** Every path to a leaf of a JSON value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [prefix];
}

function setAt(json: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = replacement;
  return copy;
}

describe('parseProcedure (fuzz)', () => {
  it('never throws on arbitrary text and reports it against the file', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseProcedure(text, 'fuzz.json');
        expect(result.procedure === undefined).toBe(result.errors.length > 0);
        for (const error of result.errors)
          expect(error.message.startsWith('fuzz.json: ')).toBe(true);
      }),
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => parseProcedureJson(json, 'fuzz.json')).not.toThrow();
      }),
    );
  });

  it('points at the leaf that was broken in a valid file', () => {
    const valid = JSON.parse(validText) as unknown;
    const paths = leafPaths(valid);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom<unknown>(null, 42, [], {}),
        (path, replacement) => {
          const result = parseProcedureJson(setAt(valid, path, replacement), 'broken.json');
          if (result.procedure) return; // e.g. a number where any number is fine
          expect(
            result.errors.some(
              (error) => error.path !== '' && formatPath(path).startsWith(error.path),
            ),
          ).toBe(true);
        },
      ),
    );
  });
});
