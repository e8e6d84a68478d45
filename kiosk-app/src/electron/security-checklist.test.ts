/**
 * Keeps SECURITY-CHECKLIST.md honest: every item of Electron's checklist has a row, every test
 * file a row cites exists, and the items checked by reading the source (10, 11, 15, 16) hold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../../..');
const checklist = readFileSync(path.join(here, 'SECURITY-CHECKLIST.md'), 'utf8');
const rows = checklist.split('\n').filter((line) => /^\| \d+ +\|/.test(line));
const productionSources = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(here, f), 'utf8') }));

describe('SECURITY-CHECKLIST.md', () => {
  it('has one row for each of the 20 checklist items, in order', () => {
    expect(rows.map((row) => Number(row.split('|')[1]))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('cites a test for every item, and every cited test file exists', () => {
    for (const row of rows) {
      const cited = [...row.matchAll(/`((?:installer\/test\/)?[\w./-]+\.test\.ts)`/g)].map(
        (m) => m[1] ?? '',
      );
      expect(cited.length, row.slice(0, 60)).toBeGreaterThan(0);
      for (const file of cited) {
        const location = file.startsWith('installer/')
          ? path.join(repoRoot, file)
          : path.join(here, file);
        expect(existsSync(location), file).toBe(true);
      }
    }
  });
});

describe('items checked in the source', () => {
  it.each([
    ['10: enableBlinkFeatures', /enableBlinkFeatures\s*:/],
    ['11: allowpopups', /allowpopups/i],
    ['15: shell.openExternal', /openExternal\s*\(|\bshell\b.*from 'electron'/],
    ['2: nodeIntegration turned on', /nodeIntegration\w*\s*:\s*true/],
    ['6: webSecurity turned off', /webSecurity\s*:\s*false/],
    ['3/4: isolation or sandbox turned off', /(contextIsolation|sandbox)\s*:\s*false/],
  ])('no production file uses %s', (_item, pattern) => {
    for (const { file, text } of productionSources) expect(pattern.test(text), file).toBe(false);
  });

  it('16: runs a supported Electron major (≥ 45)', () => {
    const require = createRequire(import.meta.url);
    const { version } = JSON.parse(
      readFileSync(require.resolve('electron/package.json'), 'utf8'),
    ) as { version: string };
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
