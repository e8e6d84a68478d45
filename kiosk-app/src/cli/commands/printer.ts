import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerPrinter(program: Command): void {
  const printer = program.command('printer').description('receipt printer I/O');
  printer
    .command('status')
    .requiredOption('--uri <uri>')
    .option('--json')
    .action(() => notYetAvailable('printer status'));
  printer
    .command('print <file>')
    .requiredOption('--uri <uri>')
    .action(() => notYetAvailable('printer print'));
}
