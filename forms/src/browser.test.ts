import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** The local modules `file` imports, followed transitively. */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(here, file), 'utf8');
  for (const match of source.matchAll(/from '(\.\/[^']+)'/g)) {
    const target = `${match[1]?.slice(2) ?? ''}.ts`;
    moduleGraph(target, seen);
  }
  return seen;
}

describe('the browser entry', () => {
  it('reaches no Node built-in, so the renderer can bundle it', () => {
    const graph = [...moduleGraph('browser.ts')];
    expect(graph).not.toContain('catalogue.ts');
    for (const file of graph) {
      expect(readFileSync(join(here, file), 'utf8'), file).not.toMatch(/from 'node:/);
    }
  });
});
