import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerMrz(program: Command): void {
  const mrz = program.command('mrz').description('machine-readable zone');
  mrz
    .command('parse <text>')
    .option('--json', 'print one JSON document')
    .action(() => notYetAvailable('mrz parse'));
  mrz
    .command('ocr <images...>')
    .option('--json', 'print one JSON document')
    .action(() => notYetAvailable('mrz ocr'));
}
