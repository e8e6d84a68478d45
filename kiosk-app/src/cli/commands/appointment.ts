import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerAppointment(program: Command): void {
  program
    .command('appointment')
    .requiredOption('--procedure <code>')
    .requiredOption('--received <iso>')
    .option('--json')
    .action(() => notYetAvailable('appointment'));
}
