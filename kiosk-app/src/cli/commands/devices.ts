import type { Command } from 'commander';
import { notYetAvailable } from '../cli-error';

export function registerDevices(program: Command): void {
  program
    .command('devices')
    .description('list readers, serial ports, HID devices and printers with status')
    .option('--json', 'print one JSON document')
    .action(() => notYetAvailable('devices'));
}
