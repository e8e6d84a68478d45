import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

/**
 * The held-out MRZ corpus (test-fixtures/mrz-heldout, issue 20) is written in Python with
 * Pillow so that it shares no rendering code with the reader's own corpus; these tests run it
 * as the scorer does (Debian python3-pil and python3-numpy, .ci/install-system-packages.sh).
 */
const folder = resolve(import.meta.dirname, '../mrz-heldout');
const python = '/usr/bin/python3';

function py(args: string[]) {
  const run = spawnSync(python, args, { cwd: folder, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

function generate(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'mrz-heldout-test-'));
  scratch.push(out);
  const run = py(['generate.py', '--out', out, '--seed', String(seed), '--td1', '2', '--td3', '1']);
  expect(run.status, run.out).toBe(0);
  return out;
}

describe('held-out MRZ generator', () => {
  it("computes ICAO 9303-3's worked check digits (L898902C3 -> 6, 740812 -> 2, 120415 -> 9)", () => {
    const run = py([
      '-c',
      'from icao9303 import check_digit as c; print(c("L898902C3"), c("740812"), c("120415"))',
    ]);
    expect(run.out.trim()).toBe('6 2 9');
  });

  it('refuses a transcription whose check digit fails', () => {
    const bad = mkdtempSync(join(tmpdir(), 'mrz-truth-'));
    scratch.push(bad);
    const line = {
      file: 'x.jpg',
      lines: [
        'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
        'L898902C37UTO7408122F1204159ZE184226B<<<<<10',
      ],
    };
    const truth = join(bad, 'truth.jsonl');
    writeFileSync(truth, `${JSON.stringify(line)}\n`);
    const run = py(['verify_truth.py', truth]);
    expect(run.status).toBe(1);
    expect(run.out).toContain('document number');
  });

  it('writes the same images and truth for the same seed, and every MRZ passes its check digits', () => {
    const a = generate(77);
    const b = generate(77);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['000-td1.jpg', '001-td3.jpg', '002-td1.jpg', 'truth.jsonl'].sort());
    for (const f of files)
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f)))).toBe(true);
    const verify = py(['verify_truth.py', join(a, 'truth.jsonl')]);
    expect(verify.status, verify.out).toBe(0);
  });

  it('hand transcriptions of the real specimen set all pass their check digits', () => {
    const run = py(['verify_truth.py', '../mrz-real-specimens/truth.jsonl']);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('28/28');
  });
});
