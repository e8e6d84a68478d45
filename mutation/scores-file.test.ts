import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterEach, describe, expect, it } from 'vitest';
import { readScores, recordScore } from './scores-file.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratchFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scores-'));
  dirs.push(dir);
  return join(dir, 'scores.json');
}

const row = (score: number) => ({
  killed: 10,
  survived: 1,
  timeout: 0,
  noCoverage: 0,
  score,
  mutated: 'drivers/x/src/y',
  alsoTestedBy: ['drivers/x/test/z.test.ts'],
  measuredAt: '2026-12-07T22:00:00.000Z',
  commit: 'abc1234',
});

describe('recordScore', () => {
  it('writes the file as Prettier formats it, so a measurement commits as it is', async () => {
    const file = scratchFile();
    await recordScore('x/y', row(90.9), file);
    const text = readFileSync(file, 'utf8');
    const options =
      (await prettier.resolveConfig(join(process.cwd(), 'mutation/scores.json'))) ?? {};
    expect(await prettier.check(text, { ...options, filepath: file })).toBe(true);
  });

  it("replaces only the module's own entry and keeps the modules in order", async () => {
    const file = scratchFile();
    await recordScore('z/last', row(80), file);
    await recordScore('a/first', row(85), file);
    await recordScore('z/last', row(95), file);
    const { modules } = readScores(file) as { modules: Record<string, { score: number }> };
    expect(Object.keys(modules)).toEqual(['a/first', 'z/last']);
    expect(modules['z/last']?.score).toBe(95);
    expect(modules['a/first']?.score).toBe(85);
  });
});
