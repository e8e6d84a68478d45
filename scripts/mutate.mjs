#!/usr/bin/env node
/**
 * `npm run mutate` lists the modules; `npm run mutate -- <workspace> [module]` runs StrykerJS on
 * each (one after another: the machine has two cores) and writes reports/mutation/<folder>.html
 * and .json, then prints the score table (killed, survived, timeout, no coverage).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MUTATION_MODULES } from '../mutation/modules.mjs';

const [workspace, only] = process.argv.slice(2);
if (!workspace || !(workspace in MUTATION_MODULES)) {
  console.log('usage: npm run mutate -- <workspace> [module]');
  for (const [ws, modules] of Object.entries(MUTATION_MODULES))
    console.log(`  ${ws}: ${Object.keys(modules).join(', ')}`);
  process.exit(workspace ? 2 : 0);
}
const modules = Object.entries(MUTATION_MODULES[workspace]).filter(([m]) => !only || m === only);
if (modules.length === 0) {
  console.error(`no module ${only} in ${workspace}`);
  process.exit(2);
}

const rows = [];
for (const [module, folder] of modules) {
  const run = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_MODULE: folder },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(
    readFileSync(`reports/mutation/${folder.replaceAll('/', '.')}.json`, 'utf8'),
  );
  const count = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, other: 0 };
  for (const file of Object.values(report.files))
    for (const m of file.mutants) count[m.status in count ? m.status : 'other'] += 1;
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  rows.push({
    module: `${workspace}/${module}`,
    killed: count.Killed,
    survived: count.Survived,
    timeout: count.Timeout,
    noCoverage: count.NoCoverage,
    score: valid ? `${((100 * detected) / valid).toFixed(1)} %` : 'n/a',
  });
}
console.table(rows);
