#!/usr/bin/env node
/**
 * `npm run mutate` lists the modules; `npm run mutate -- <workspace> [module [files]]` runs StrykerJS on
 * each (one after another: the machine has two cores) and writes reports/mutation/<folder>.html
 * and .json, records each module's score in mutation/scores.json (read by `npm run bench`), then
 * prints the score table (killed, survived, timeout, no coverage).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MUTATION_MODULES } from '../mutation/modules.mjs';
import { scoreOf } from '../mutation/mutation-score.mjs';
import { recordScore } from '../mutation/scores-file.mjs';

const [workspace, only, narrowed] = process.argv.slice(2);
if (!workspace || !(workspace in MUTATION_MODULES)) {
  console.log('usage: npm run mutate -- <workspace> [module [file.ts,other.ts]]');
  for (const [ws, modules] of Object.entries(MUTATION_MODULES))
    console.log(`  ${ws}: ${Object.keys(modules).join(', ')}`);
  process.exit(workspace ? 2 : 0);
}
const modules = Object.entries(MUTATION_MODULES[workspace]).filter(([m]) => !only || m === only);
if (modules.length === 0) {
  console.error(`no module ${only} in ${workspace}`);
  process.exit(2);
}

/**
 * The commit the run starts from (a run takes minutes; work goes on meanwhile), `-dirty` when
 * files other than the scores themselves differ from it.
 */
function commitUnderTest() {
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const changed = git('status', '--porcelain', '--', '.', ':!mutation/scores.json');
  return `${git('rev-parse', '--short', 'HEAD')}${changed ? '-dirty' : ''}`;
}

const rows = [];
for (const [module, entry] of modules) {
  const {
    folder,
    files: listed,
    tests,
  } = typeof entry === 'string' ? { folder: entry, files: undefined, tests: undefined } : entry;
  // `npm run mutate -- <workspace> <module> a.ts,b.ts` narrows one run to those files.
  const files = narrowed ? narrowed.split(',') : listed;
  const commit = commitUnderTest();
  const run = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      MUTATE_MODULE: folder,
      MUTATE_FILES: files?.join(',') ?? '',
      MUTATE_TESTS: tests?.join(',') ?? '',
    },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(
    readFileSync(`reports/mutation/${folder.replaceAll('/', '.')}.json`, 'utf8'),
  );
  const score = scoreOf(report);
  await recordScore(`${workspace}/${module}`, {
    ...score,
    mutated: files ? files.map((file) => `${folder}/${file}`) : folder,
    ...(tests ? { alsoTestedBy: tests } : {}),
    measuredAt: new Date().toISOString(),
    commit,
  });
  rows.push({ module: `${workspace}/${module}`, ...score });
}
console.table(rows);
