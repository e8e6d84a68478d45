import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isAcceptablePin, PIN_RULE } from '../../core/auth/pin-policy';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

interface CreateOptions extends LinkOptions {
  role?: string;
  newUser?: string;
  newPinFile?: string;
}

function newPin(file: string | undefined): string {
  if (!file) throw new CliError('--new-pin-file <file> holds the new PIN', 2);
  return readFileSync(file, 'utf8').trim();
}

/** `kiosk accounts create --role R --new-user U --new-pin-file F`: technician creates an account. */
export async function createAccount(
  options: CreateOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const role = options.role;
  if (role !== 'staff' && role !== 'technician')
    throw new CliError('--role is staff or technician', 2);
  if (!options.newUser) throw new CliError('--new-user <name> is the new account', 2);
  const pin = newPin(options.newPinFile);
  const link = await openKioskLink('technician', options);
  try {
    await link.request({ type: 'accounts.create', role, user: options.newUser, pin });
    out.line(`created ${role} ${options.newUser}`);
  } finally {
    await link.close();
  }
}

interface ChangePinOptions extends LinkOptions {
  role?: string;
  newPinFile?: string;
}

/**
 * `kiosk accounts change-pin --role R --user U --new-pin-file F`: the account holder signs in
 * with the current PIN (`--pin-file`, KIOSK_PIN or a prompt) and replaces it. The way through
 * for an account whose PIN is shorter than 6 digits (`PIN_CHANGE_REQUIRED`).
 */
export async function changePin(
  options: ChangePinOptions,
  out: Output = stdoutOutput,
): Promise<void> {
  const role = options.role;
  if (role !== 'staff' && role !== 'technician')
    throw new CliError('--role is staff or technician', 2);
  const pin = newPin(options.newPinFile);
  if (!isAcceptablePin(pin)) throw new CliError(`--new-pin-file: ${PIN_RULE}`, 2);
  const link = await openKioskLink(role, options, pin);
  try {
    out.line(`changed the PIN of ${role} ${options.user ?? ''}`.trim());
  } finally {
    await link.close();
  }
}

export function registerAccounts(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('technician: staff and technician accounts');
  withCredentialOptions(accounts.command('create').description('create an account'))
    .option('--role <role>', 'staff | technician')
    .option('--new-user <name>', 'the new account name')
    .option('--new-pin-file <file>', 'file holding the new account PIN')
    .action((options: CreateOptions) => createAccount(options));
  withCredentialOptions(
    accounts
      .command('change-pin')
      .description('replace your own PIN (needed when it is shorter than 6 digits)'),
  )
    .option('--role <role>', 'staff | technician: the account signing in')
    .option('--new-pin-file <file>', 'file holding the new PIN (6 to 12 digits)')
    .action((options: ChangePinOptions) => changePin(options));
}
