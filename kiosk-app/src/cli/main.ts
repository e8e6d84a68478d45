import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { registerServe } from './commands/serve';
import { registerDevices } from './commands/devices';
import { registerCard } from './commands/card';
import { registerMrz } from './commands/mrz';
import { registerQr } from './commands/qr';
import { registerForms } from './commands/forms';
import { registerAppointment } from './commands/appointment';
import { registerReceipt } from './commands/receipt';
import { registerPrinter } from './commands/printer';
import { registerReceipts } from './commands/receipts';
import { registerBench } from './commands/bench';
import { registerConfig } from './commands/config';
import { registerOutbox } from './commands/outbox';
import { registerAudit } from './commands/audit';
import { registerHealth } from './commands/health';
import { registerLogs } from './commands/logs';
import { registerAccounts } from './commands/accounts';

/** Builds the `kiosk` program; each subcommand lives in its own file under `commands/`. */
export function buildProgram(): Command {
  const program = new Command('kiosk')
    .description('CCCD self-service kiosk: serve the kiosk, test devices, manage receipts')
    .exitOverride()
    .showHelpAfterError();
  for (const register of [
    registerServe,
    registerDevices,
    registerCard,
    registerMrz,
    registerQr,
    registerForms,
    registerAppointment,
    registerReceipt,
    registerPrinter,
    registerReceipts,
    registerConfig,
    registerOutbox,
    registerAudit,
    registerHealth,
    registerLogs,
    registerAccounts,
    registerBench,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`kiosk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
