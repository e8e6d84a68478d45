/**
 * Scores the kiosk's MRZ reader on the two held-out sets (issue 20), through its CLI only.
 *
 *   npx tsx test-fixtures/mrz-heldout/score.ts                 # both sets
 *   npx tsx test-fixtures/mrz-heldout/score.ts --set real      # the 31 specimen photographs
 *   npx tsx test-fixtures/mrz-heldout/score.ts --set generated --seed 9303020 --td1 170 --td3 30
 *   npx tsx test-fixtures/mrz-heldout/score.ts --set generated --images DIR   # already generated
 *
 * Prints one JSON document on stdout (progress on stderr). Measures; never passes or fails on a
 * figure, so it is not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { readWithCli } from './reader-cli';
import { classify, summarize, type ImageResult } from './tally';
import { readTruthFile, type TruthEntry } from './truth-file';

const here = import.meta.dirname;
const REAL_SET = resolve(here, '../mrz-real-specimens');
const GENERATOR = join(here, 'generate.py');

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: 'both' },
    images: { type: 'string' },
    seed: { type: 'string', default: '9303020' },
    td1: { type: 'string', default: '170' },
    td3: { type: 'string', default: '30' },
    limit: { type: 'string' },
    batch: { type: 'string', default: '10' },
    python: { type: 'string', default: '/usr/bin/python3' },
  },
});

function generateSet(): string {
  const out = mkdtempSync(join(tmpdir(), 'mrz-heldout-'));
  process.stderr.write(`generating into ${out} (seed ${args.seed}) ...\n`);
  const run = spawnSync(
    args.python,
    [GENERATOR, '--out', out, '--seed', args.seed, '--td1', args.td1, '--td3', args.td3],
    // The generator's own summary line goes to stderr: stdout carries only the report.
    { stdio: ['ignore', 2, 'inherit'] },
  );
  if (run.status !== 0)
    throw new Error(`generator failed (exit ${run.status}); needs python3-pil and python3-numpy`);
  return out;
}

async function scoreFolder(set: string, folder: string) {
  let truth: TruthEntry[] = await readTruthFile(join(folder, 'truth.jsonl'));
  if (args.limit) truth = truth.slice(0, Number(args.limit));
  const batch = Math.max(1, Number(args.batch));
  const results: ImageResult[] = [];
  for (let i = 0; i < truth.length; i += batch) {
    const entries = truth.slice(i, i + batch);
    const images = entries.map((e) => join(folder, e.file));
    const run = await readWithCli(images, 60_000 * entries.length);
    entries.forEach((entry, k) => {
      const reading = run.readings[k]!;
      const outcome = classify(entry, reading);
      results.push({
        file: entry.file,
        layout: entry.layout,
        outcome,
        ms: reading.kind === 'no-answer' ? undefined : reading.ms,
        wallMs: run.wallMs / entries.length,
        refusal: reading.kind === 'refused' ? reading.code : undefined,
        got: reading.kind === 'read' ? reading.lines : undefined,
        expected: entry.lines,
        meta: entry.meta,
      });
    });
    process.stderr.write(`${set}: ${results.length}/${truth.length}\n`);
  }
  return { folder, ...summarize(set, results) };
}

const report: Record<string, unknown> = {
  reader: 'kiosk mrz ocr --json',
  batch: Number(args.batch),
};
if (args.set === 'real' || args.set === 'both') {
  report.realSpecimens = await scoreFolder('real-specimens', REAL_SET);
}
if (args.set === 'generated' || args.set === 'both') {
  const folder = args.images ? resolve(args.images) : generateSet();
  report.generated = {
    seed: args.images ? undefined : Number(args.seed),
    ...(await scoreFolder('generated', folder)),
  };
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
