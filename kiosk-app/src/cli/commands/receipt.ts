import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerReceipt(program: Command): void {
  program
    .command('receipt')
    .command('render')
    .requiredOption('--dossier <file>')
    .requiredOption('--profile <name>')
    .requiredOption('--out <file>')
    .option('--png <file>')
    .action(() => notYetAvailable('receipt render'));
}
