/** An error the command line reports as one plain line and a non-zero exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** For subcommands whose issue has not landed yet: says so plainly and exits 2. */
export function notYetAvailable(command: string): never {
  throw new CliError(`kiosk ${command}: not yet available in this build`, 2);
}
