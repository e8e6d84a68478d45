import type { Command } from 'commander';
import { loadCatalogue, type ProcessingTime } from '@kiosk/forms';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import {
  AppointmentCalculator,
  AppointmentError,
  formatVietnamIso,
  parseClock,
  parseKioskDateTime,
} from '../../core/appointment';

interface AppointmentOptions {
  readonly procedure?: string;
  readonly received: string;
  readonly hours?: string;
  readonly days?: string;
  readonly cutoff?: string;
  readonly json?: boolean;
}

/** The processing time of a procedure in the forms catalogue. */
function procedureTime(code: string): ProcessingTime {
  const catalogue = loadCatalogue();
  const found = catalogue.procedures.find((p) => p.code === code);
  if (!found) {
    const known = catalogue.procedures.map((p) => p.code).join(', ');
    throw new CliError(`kiosk appointment: unknown procedure ${code} (known: ${known})`);
  }
  return found.processingTime;
}

function explicitTime(options: AppointmentOptions): ProcessingTime | undefined {
  const cutOff = options.cutoff;
  if (cutOff !== undefined && parseClock(cutOff) === undefined) {
    throw new CliError(`kiosk appointment: --cutoff ${cutOff} is not HH:MM`);
  }
  const amountOf = (text: string, flag: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0)
      throw new CliError(`kiosk appointment: ${flag} ${text} is not a non-negative number`);
    return n;
  };
  if (options.hours !== undefined)
    return { unit: 'workingHours', amount: amountOf(options.hours, '--hours'), cutOff };
  if (options.days !== undefined)
    return { unit: 'calendarDays', amount: amountOf(options.days, '--days'), cutOff };
  return undefined;
}

export async function runAppointment(
  options: AppointmentOptions,
  output: Output = stdoutOutput,
): Promise<void> {
  const received = parseKioskDateTime(options.received);
  if (!received)
    throw new CliError(`kiosk appointment: --received ${options.received} is not an ISO date-time`);
  let time = explicitTime(options);
  if (!time) {
    if (options.procedure === undefined)
      throw new CliError('kiosk appointment: give --procedure CODE, or --hours N / --days N');
    time = procedureTime(options.procedure);
    if (options.cutoff !== undefined) time = { ...time, cutOff: options.cutoff };
  }
  try {
    const result = new AppointmentCalculator().calculate(received, time);
    if (options.json) {
      output.json({
        procedure: options.procedure ?? null,
        received: formatVietnamIso(received),
        processingTime: time,
        countedFrom: formatVietnamIso(result.countedFrom),
        cutOffApplied: result.cutOffApplied,
        due: result.dueIso,
      });
    } else {
      output.line(`received      ${formatVietnamIso(received)}`);
      output.line(
        `counted from  ${formatVietnamIso(result.countedFrom)}${result.cutOffApplied ? ' (after cut-off)' : ''}`,
      );
      output.line(`appointment   ${result.dueIso}`);
    }
  } catch (error) {
    if (error instanceof AppointmentError)
      throw new CliError(`kiosk appointment: ${error.message}`);
    throw error;
  }
}

export function registerAppointment(program: Command): void {
  program
    .command('appointment')
    .description('appointment time (ngày hẹn trả) for a procedure received at a given time')
    .option('--procedure <code>', 'procedure code from the catalogue')
    .requiredOption('--received <iso>', 'time received, ISO 8601 (no offset = Vietnamese time)')
    .option('--hours <n>', 'processing time in working hours (8 h = 1 working day)')
    .option('--days <n>', 'processing time in calendar days')
    .option('--cutoff <HH:MM>', 'received after this time counts from the next working day')
    .option('--json')
    .action((options: AppointmentOptions) => runAppointment(options));
}
