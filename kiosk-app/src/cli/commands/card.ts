import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerCard(program: Command): void {
  program
    .command('card')
    .description('chip card operations')
    .command('read')
    .description('read a CCCD chip')
    .requiredOption('--reader <name>', 'PC/SC reader name')
    .option('--mrz <text>', 'access key from the MRZ')
    .option('--qr <text>', 'access keys derived from the card QR')
    .option('--can <n>', 'card access number')
    .option('--dg <list>', 'data groups to read', '1,13')
    .option('--json', 'print one JSON document')
    .action(() => notYetAvailable('card read'));
}
