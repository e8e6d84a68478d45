import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The local modules `file` (relative to `src/`) imports, followed transitively; a folder import
 * means its `index.ts`, and data files (`.json`) are leaves.
 */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (file.endsWith('.json')) return seen;
  const source = readFileSync(join(here, file), 'utf8');
  for (const match of source.matchAll(/from '(\.\.?\/[^']+)'/g)) {
    const target = relative(here, join(here, dirname(file), match[1] ?? ''));
    const candidates = target.endsWith('.json')
      ? [target]
      : [`${target}.ts`, join(target, 'index.ts')];
    const found = candidates.find((c) => {
      try {
        readFileSync(join(here, c));
        return true;
      } catch {
        return false;
      }
    });
    if (found) moduleGraph(found, seen);
  }
  return seen;
}

describe('the browser entry', () => {
  it('reaches no Node built-in, so the renderer can bundle it', () => {
    const graph = [...moduleGraph('browser.ts')];
    expect(graph).not.toContain('catalogue.ts');
    // The old list and conversion table (570 kB) stay in the core.
    expect(graph).toContain('administrative-units/current-units.ts');
    expect(graph).not.toContain('administrative-units/former-units.ts');
    for (const file of graph) {
      expect(readFileSync(join(here, file), 'utf8'), file).not.toMatch(/from 'node:/);
    }
  });
});
