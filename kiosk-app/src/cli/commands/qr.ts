import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerQr(program: Command): void {
  program
    .command('qr')
    .command('parse <text>')
    .option('--json', 'print one JSON document')
    .action(() => notYetAvailable('qr parse'));
}
