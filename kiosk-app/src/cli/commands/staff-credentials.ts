import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError } from '../cli-error';

export interface CredentialOptions {
  readonly user?: string;
  readonly pinFile?: string;
}

export interface Credentials {
  readonly user: string;
  readonly pin: string;
}

/** Exit code when credentials are missing or refused (2 is "not available", 1 other errors). */
export const EXIT_CREDENTIALS = 3;

/** Asks for the PIN on the terminal without echoing it. */
export async function promptPin(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/**
 * The signing-in user's PIN, from `--pin-file`, else `KIOSK_PIN`, else a prompt on a terminal.
 * Without a user, or with no PIN source and no terminal, the command is refused: it never runs
 * without the role's credentials.
 */
export async function resolveCredentials(
  role: 'staff' | 'technician',
  options: CredentialOptions,
  env: NodeJS.ProcessEnv = process.env,
  prompt: ((question: string) => Promise<string>) | undefined = process.stdin.isTTY
    ? promptPin
    : undefined,
): Promise<Credentials> {
  const user = options.user?.trim();
  if (!user)
    throw new CliError(`this command needs ${role} credentials: --user <name>`, EXIT_CREDENTIALS);
  let pin: string | undefined;
  if (options.pinFile) {
    try {
      pin = readFileSync(options.pinFile, 'utf8').trim();
    } catch (error) {
      throw new CliError(
        `cannot read --pin-file: ${error instanceof Error ? error.message : String(error)}`,
        EXIT_CREDENTIALS,
      );
    }
  } else if (env.KIOSK_PIN) {
    pin = env.KIOSK_PIN.trim();
  } else if (prompt) {
    pin = (await prompt(`${role} PIN for ${user}: `)).trim();
  }
  if (!pin)
    throw new CliError(
      `this command needs the ${role} PIN: --pin-file <file>, KIOSK_PIN, or a terminal to ask on`,
      EXIT_CREDENTIALS,
    );
  return { user, pin };
}
