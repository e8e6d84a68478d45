import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerForms(program: Command): void {
  const forms = program.command('forms').description('procedure catalogue');
  forms
    .command('list')
    .option('--json')
    .action(() => notYetAvailable('forms list'));
  forms
    .command('fill <code>')
    .requiredOption('--citizen <file>')
    .option('--json')
    .action(() => notYetAvailable('forms fill'));
}
