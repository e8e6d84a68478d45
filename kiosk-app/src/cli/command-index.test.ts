import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-index';
import { buildProgram } from './main';

// Loading a command's module imports its drivers (serial ports, PC/SC, the printer): seconds on
// a busy two-core machine, not a defect. The default 5 s timeout made this test fail under load.
describe('the lazy command index', { timeout: 60_000 }, () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s: the summary in the help is the description the command registers',
    async (name, entry) => {
      const program = new Command('kiosk');
      (await entry.load())(program);
      const registered = program.commands.find((command) => command.name() === name);
      expect(registered?.description()).toBe(entry.summary);
    },
  );

  it('lists every command by name without loading them, and loads all when asked', async () => {
    const names = COMMANDS.map((entry) => entry.name);
    const light = await buildProgram('');
    expect(light.commands.map((command) => command.name())).toEqual(names);
    expect(light.commands.every((command) => command.options.length === 0)).toBe(true);
    const full = await buildProgram();
    expect(full.commands.map((command) => command.name())).toEqual(names);
    expect(
      full.commands.find((command) => command.name() === 'serve')?.options.length,
    ).toBeGreaterThan(0);
  });
});
