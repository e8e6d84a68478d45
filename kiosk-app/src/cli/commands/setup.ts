import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AccountStore } from '../../core/auth/account-store';
import { issueFirstRunCode, provisionFirstTechnician } from '../../core/auth/first-technician';
import { isAcceptablePin, PIN_RULE } from '../../core/auth/pin-policy';
import { SETUP_CODE_TTL_MS, SetupCodeStore } from '../../core/auth/setup-code-store';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openOfflineDatabase, type OfflineDatabaseOptions } from './offline-database';
import { promptPin } from './staff-credentials';

interface CodeOptions extends OfflineDatabaseOptions {
  readonly out?: string;
  readonly minutes?: string;
}

interface TechnicianOptions extends OfflineDatabaseOptions {
  readonly user?: string;
  readonly pinFile?: string;
}

/** Where the one-time code may go: a terminal, or a new file only its owner can read. */
export interface CodeSink {
  readonly terminal: boolean;
}

const SETUP_DONE =
  'a technician account exists, so first-run setup is over: a technician creates further ' +
  'accounts (kiosk accounts create)';

/** `12345 67890`: easier to read out and type than ten digits in a row. */
function grouped(code: string): string {
  return `${code.slice(0, 5)} ${code.slice(5)}`;
}

function minutesOf(text: string | undefined): number {
  if (text === undefined) return SETUP_CODE_TTL_MS / 60_000;
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)
    throw new CliError('--minutes is a whole number from 1 to 1440', 2);
  return minutes;
}

/**
 * `kiosk setup code`: a one-time code for the kiosk's first-run screen. It is shown on the
 * terminal only (or written to `--out`, a new file of mode 0600), never on a redirected output,
 * so it does not end up in a log; the kiosk keeps only its hash.
 */
export async function setupCode(
  options: CodeOptions,
  out: Output = stdoutOutput,
  sink: CodeSink = { terminal: process.stdout.isTTY === true },
): Promise<void> {
  const minutes = minutesOf(options.minutes);
  if (!options.out && !sink.terminal)
    throw new CliError(
      'the setup code is shown on a terminal only, so that it does not end up in a log; ' +
        'run this on the console or over ssh -t, or give --out FILE',
      2,
    );
  const store = openOfflineDatabase(options);
  try {
    const setupCodes = new SetupCodeStore(store.db, new AccountStore(store.db));
    const issued = await issueFirstRunCode({ setupCodes, audit: store.audit }, minutes * 60_000);
    if (!issued.ok) throw new CliError(SETUP_DONE);
    const until = issued.expiresAt.toTimeString().slice(0, 5);
    if (options.out) {
      writeFileSync(options.out, `${issued.code}\n`, { mode: 0o600, flag: 'wx' });
      out.line(`first-run setup code written to ${options.out} (one use, valid until ${until})`);
    } else {
      out.line(`first-run setup code: ${grouped(issued.code)}  (one use, valid until ${until})`);
    }
    out.line(
      'On the kiosk screen hold the title for 3 seconds, then enter this code, ' +
        "the new technician's name and a PIN of 6 to 12 digits.",
    );
  } finally {
    store.close();
  }
}

async function technicianPin(pinFile: string | undefined): Promise<string> {
  if (pinFile) return readFileSync(pinFile, 'utf8').trim();
  if (!process.stdin.isTTY)
    throw new CliError('--pin-file <file> holds the new technician PIN (no terminal to ask on)', 2);
  const pin = (await promptPin('new technician PIN (6 to 12 digits): ')).trim();
  const again = (await promptPin('the same PIN again: ')).trim();
  if (pin !== again) throw new CliError('the two PINs differ; nothing was created', 2);
  return pin;
}

/** `kiosk setup technician --user NAME`: creates the first technician directly. */
export async function setupTechnician(
  options: TechnicianOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const user = options.user?.trim();
  if (!user || !/^[\p{L}\p{N}._-]{1,64}$/u.test(user))
    throw new CliError('--user <name>: letters, digits, dot, dash or underscore', 2);
  const pin = await technicianPin(options.pinFile);
  if (!isAcceptablePin(pin)) throw new CliError(PIN_RULE, 2);
  const store = openOfflineDatabase(options);
  try {
    const accounts = new AccountStore(store.db);
    if (!(await provisionFirstTechnician({ accounts, audit: store.audit }, user, pin)))
      throw new CliError(SETUP_DONE);
    out.line(`created technician ${user}`);
  } finally {
    store.close();
  }
}

export function registerSetup(program: Command): void {
  const setup = program
    .command('setup')
    .description('root on the kiosk: create the first technician (first-run setup)');
  const where = (command: Command) =>
    command
      .option('--data-dir <dir>', 'the kiosk data folder (default: from --config)')
      .option('--config <file>', 'kiosk configuration (JSON)');
  where(setup.command('code').description('a one-time code for the first-run screen'))
    .option('--out <file>', 'write the code to this new file (mode 0600) instead of the terminal')
    .option('--minutes <n>', `how long the code is valid (default ${SETUP_CODE_TTL_MS / 60_000})`)
    .action((options: CodeOptions) => setupCode(options));
  where(setup.command('technician').description('create the first technician directly'))
    .option('--user <name>', 'the new technician account')
    .option('--pin-file <file>', 'file holding its PIN (else asked twice on the terminal)')
    .action((options: TechnicianOptions) => setupTechnician(options));
}
