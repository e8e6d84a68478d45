import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { COMMANDS } from './command-index';

function rootProgram(): Command {
  return new Command('kiosk')
    .description('CCCD self-service kiosk: serve the kiosk, test devices, manage receipts')
    .exitOverride()
    .showHelpAfterError();
}

/**
 * Builds the `kiosk` program. With `only`, just that subcommand is loaded (the others appear by
 * name in the help); without it, every subcommand is loaded.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = rootProgram();
  for (const entry of COMMANDS) {
    if (only === undefined || entry.name === only) (await entry.load())(program);
    else program.command(entry.name).description(entry.summary);
  }
  return program;
}

/** The subcommand argv names (`kiosk serve ...`, `kiosk help serve`), if it is a known one. */
function subcommandOf(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((word) => !word.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.some((entry) => entry.name === name) ? name : undefined;
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const only = subcommandOf(argv);
    // `kiosk --help` and unknown words need no subcommand's code: names and summaries suffice.
    const program = only === undefined ? await buildProgram('') : await buildProgram(only);
    await program.parseAsync([...argv]);
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
