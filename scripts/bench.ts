/**
 * `npm run bench`: runs every `bench/*.bench.ts` of every workspace, in file order, and writes one
 * JSON report (bench-report.json at the repository root, and stdout). Benchmarks measure; they
 * never pass or fail on a time.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import os from 'node:os';

export interface BenchModule {
  /** Section name in the report, e.g. `id-card`. */
  readonly name: string;
  run(): Promise<Record<string, unknown>>;
}

const root = join(fileURLToPath(import.meta.url), '..', '..');
const workspaces = [
  'drivers/device',
  'drivers/id-card',
  'drivers/mrz',
  'drivers/scanner',
  'drivers/printer',
  'forms',
  'kiosk-app',
  'test-fixtures',
];

async function benchFiles(only: string | undefined): Promise<string[]> {
  const files: string[] = [];
  for (const ws of workspaces) {
    const dir = join(root, ws, 'bench');
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).sort()) {
      if (name.endsWith('.bench.ts') && (!only || name.includes(only))) files.push(join(dir, name));
    }
  }
  return files;
}

/**
 * The last StrykerJS score of each module (mutation/scores.json, written by `npm run mutate`):
 * copied, not measured here, since one run takes minutes per module on two cores.
 */
async function latestMutationScores(): Promise<unknown> {
  const file = join(root, 'mutation', 'scores.json');
  if (!existsSync(file)) return { note: 'no mutation run recorded; run `npm run mutate`' };
  const scores = JSON.parse(await readFile(file, 'utf8')) as unknown;
  return { source: 'mutation/scores.json (npm run mutate)', ...(scores as object) };
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const report: Record<string, unknown> = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
  };
  for (const file of await benchFiles(only)) {
    const mod = (await import(pathToFileURL(file).href)) as { default: BenchModule };
    process.stderr.write(`bench: ${relative(root, file)}\n`);
    try {
      report[mod.default.name] = await mod.default.run();
    } catch (error) {
      report[mod.default.name] = { error: error instanceof Error ? error.message : String(error) };
      process.exitCode = 1;
    }
  }
  report.mutation = await latestMutationScores();
  const json = JSON.stringify(report, null, 2);
  await writeFile(join(root, 'bench-report.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
}

await main();
