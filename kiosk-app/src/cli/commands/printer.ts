import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ReceiptPrinter, createTransport, loadProfile, type PrinterStatus } from '@kiosk/printer';
import { isDeviceError } from '@kiosk/device';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

const DEFAULT_PROFILE = 'epson-80mm-tcvn3';

async function withPrinter<T>(
  uri: string,
  profileName: string,
  task: (p: ReceiptPrinter) => Promise<T>,
): Promise<T> {
  let printer: ReceiptPrinter | undefined;
  try {
    printer = new ReceiptPrinter(createTransport(uri), loadProfile(profileName));
    return await task(printer);
  } catch (error) {
    if (isDeviceError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  } finally {
    await printer?.close().catch(() => undefined);
  }
}

function describeStatus(s: PrinterStatus): string[] {
  return [
    `online       ${s.online ? 'yes' : 'no'}`,
    `paper        ${s.paper}`,
    `cover        ${s.coverOpen ? 'open' : 'closed'}`,
    `cutter       ${s.cutterError ? 'error' : 'ok'}`,
    ...(s.otherError ? ['error        yes'] : []),
    ...(s.extra.length > 0 ? [`extra        ${s.extra.join(', ')}`] : []),
  ];
}

/** `kiosk printer status --uri URI [--profile NAME] [--json]` */
export async function printerStatus(
  opts: { uri: string; profile?: string; json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const status = await withPrinter(opts.uri, opts.profile ?? DEFAULT_PROFILE, (p) => p.status());
  if (opts.json) out.json({ uri: opts.uri, ...status });
  else describeStatus(status).forEach((l) => out.line(l));
}

/** `kiosk printer print --uri URI [--profile NAME] FILE.bin`: status check, then the bytes. */
export async function printerPrint(
  file: string,
  opts: { uri: string; profile?: string },
  out: Output = stdoutOutput,
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = await withPrinter(opts.uri, opts.profile ?? DEFAULT_PROFILE, (p) =>
    p.print(bytes),
  );
  out.line(`printed ${bytes.length} bytes to ${opts.uri} (paper ${result.status.paper})`);
}

export function registerPrinter(program: Command): void {
  const printer = program.command('printer').description('receipt printer I/O');
  printer
    .command('status')
    .description('read the printer status (DLE EOT)')
    .requiredOption(
      '--uri <uri>',
      'tcp://HOST:PORT, serial:/dev/ttyX?baud=115200, file:/dev/usb/lp0',
    )
    .option('--profile <name>', 'printer profile', DEFAULT_PROFILE)
    .option('--json', 'print one JSON document')
    .action((opts: { uri: string; profile?: string; json?: boolean }) => printerStatus(opts));
  printer
    .command('print <file>')
    .description('send an ESC/POS file after checking the status')
    .requiredOption(
      '--uri <uri>',
      'tcp://HOST:PORT, serial:/dev/ttyX?baud=115200, file:/dev/usb/lp0',
    )
    .option('--profile <name>', 'printer profile', DEFAULT_PROFILE)
    .action((file: string, opts: { uri: string; profile?: string }) => printerPrint(file, opts));
}
