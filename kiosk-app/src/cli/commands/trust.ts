import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseCertificates, type X509Certificate } from '@kiosk/id-card';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { readCoreEnvironment, trustStoreDir } from '../../core/config/core-environment';
import { importTrust, summarizeTrustStore } from '../../core/trust/trust-store';

interface TrustOptions {
  readonly dir?: string;
  readonly anchor?: string[];
  readonly json?: boolean;
}

/** The trust store: `--dir`, else `<KIOSK_CONFIG_DIR>/csca` (the installed kiosk's). */
export function trustDirOf(options: { dir?: string }, env = readCoreEnvironment()): string {
  if (options.dir) return options.dir;
  if (env.configDir) return trustStoreDir(env, '');
  throw new CliError('no trust store: pass --dir DIR, or set KIOSK_CONFIG_DIR (installed kiosk)');
}

function readFileOrFail(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  }
}

function anchorsFrom(files: readonly string[]): X509Certificate[] {
  return files.flatMap((file) => {
    const bytes = new Uint8Array(readFileOrFail(file));
    try {
      return parseCertificates(bytes);
    } catch {
      throw new CliError(`${file} is not a certificate (an --anchor must be one)`);
    }
  });
}

/** `kiosk trust import FILE... [--anchor CERT] [--dir DIR] [--json]`. */
export async function trustImport(
  files: readonly string[],
  options: TrustOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const dir = trustDirOf(options);
  const result = await importTrust(
    files.map((file) => ({ name: basename(file), bytes: new Uint8Array(readFileOrFail(file)) })),
    { dir, masterListAnchors: anchorsFrom(options.anchor ?? []) },
  );
  const summary = await summarizeTrustStore(dir);
  if (options.json) out.json({ dir, ...result, summary });
  else {
    out.line(`trust store ${dir}`);
    out.line(`added ${result.added.length}, already there ${result.unchanged.length}`);
    for (const { source, reason } of result.refused) out.line(`refused ${source}: ${reason}`);
    out.line(
      `${summary.cscaCount} CSCA certificates` +
        (summary.firstExpiry ? `, the first expires ${summary.firstExpiry}` : ''),
    );
  }
  if (result.refused.length > 0 && result.added.length + result.unchanged.length === 0)
    throw new CliError('nothing was imported', 2);
}

export function registerTrust(program: Command): void {
  const trust = program.command('trust').description('technician: trusted CSCA certificates');
  trust
    .command('import <files...>')
    .description('add CSCA certificates (PEM/DER) or an ICAO master list to the trust store')
    .option('--anchor <cert...>', 'the CSCA a master list signer must chain to')
    .option('--dir <dir>', 'the trust store (default: $KIOSK_CONFIG_DIR/csca)')
    .option('--json', 'print one JSON document')
    .action((files: string[], options: TrustOptions) => trustImport(files, options));
  trust
    .command('list')
    .description('how many CSCAs are trusted and when the first expires')
    .option('--dir <dir>', 'the trust store (default: $KIOSK_CONFIG_DIR/csca)')
    .option('--json', 'print one JSON document')
    .action(async (options: TrustOptions) => {
      const dir = trustDirOf(options);
      const summary = await summarizeTrustStore(dir);
      if (options.json) stdoutOutput.json({ dir, ...summary });
      else
        stdoutOutput.line(
          `${dir}: ${summary.cscaCount} CSCAs, first expiry ${summary.firstExpiry ?? '-'}`,
        );
    });
}
