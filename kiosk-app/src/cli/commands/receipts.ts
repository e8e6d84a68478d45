import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerReceipts(program: Command): void {
  const receipts = program.command('receipts').description('staff: stored receipts');
  receipts
    .command('list')
    .option('--json')
    .action(() => notYetAvailable('receipts list'));
  receipts.command('reprint <code>').action(() => notYetAvailable('receipts reprint'));
}
