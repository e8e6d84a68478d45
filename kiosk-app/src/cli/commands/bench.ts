import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error';

const BENCH_SCRIPT = fileURLToPath(new URL('../../../../scripts/bench.ts', import.meta.url));

export function registerBench(program: Command): void {
  program
    .command('bench [filter]')
    .description('run the benchmarks and print the JSON report (also written to bench-report.json)')
    .option('--json', 'print one JSON document (the default)')
    .action(async (filter: string | undefined) => {
      const code = await new Promise<number>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', BENCH_SCRIPT, ...(filter ? [filter] : [])],
          {
            stdio: 'inherit',
          },
        );
        child.on('exit', (c) => resolve(c ?? 1));
      });
      if (code !== 0) throw new CliError('bench failed', code);
    });
}
