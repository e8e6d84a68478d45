import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseTruthFile, TruthFileError, toTruthEntry } from './truth-file';

describe('truth files', () => {
  it('reads the real specimen set: 28 images, each with 2 or 3 MRZ lines of one length', () => {
    const path = join(import.meta.dirname, '../mrz-real-specimens/truth.jsonl');
    const entries = parseTruthFile(readFileSync(path, 'utf8'), path);
    expect(entries).toHaveLength(28);
    expect(new Set(entries.map((e) => e.file)).size).toBe(entries.length);
  });

  it('names the line of a broken entry', () => {
    const good = JSON.stringify({
      file: 'a.jpg',
      layout: 'TD2',
      lines: ['A'.repeat(36), 'B'.repeat(36)],
    });
    const bad = JSON.stringify({
      file: 'b.jpg',
      layout: 'TD2',
      lines: ['a'.repeat(36), 'B'.repeat(36)],
    });
    expect(() => parseTruthFile(`${good}\n\n${bad}\n`, 't.jsonl')).toThrow(TruthFileError);
    expect(() => parseTruthFile(`${good}\n\n${bad}\n`, 't.jsonl')).toThrow('t.jsonl:3');
  });

  it('refuses paths that leave the set folder', () => {
    expect(
      toTruthEntry({ file: '../x.jpg', layout: 'TD3', lines: ['A'.repeat(44), 'A'.repeat(44)] }),
    ).toBe('file must be a bare file name');
  });

  it('either returns an entry or says why not, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const entry = toTruthEntry(value);
        if (typeof entry !== 'string') expect(entry.lines.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
