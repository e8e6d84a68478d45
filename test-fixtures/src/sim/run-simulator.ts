/**
 * Dispatches `kiosk-sim <name> ...args` to `./<name>.ts`, whose `run(args)` starts the simulator
 * and resolves when it stops. Each simulator lives in its own file so they can evolve apart.
 */
const SIMULATORS = [
  'card',
  'mrz-reader',
  'printer',
  'registry',
  'portal',
  'payment',
  'smsc',
] as const;
type SimulatorName = (typeof SIMULATORS)[number];

interface SimulatorModule {
  run(args: readonly string[]): Promise<void>;
}

function isSimulator(name: string | undefined): name is SimulatorName {
  return SIMULATORS.some((s) => s === name);
}

export async function runSimulator(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!isSimulator(name)) {
    process.stderr.write(`usage: kiosk-sim <${SIMULATORS.join('|')}> [options]\n`);
    return 2;
  }
  let mod: SimulatorModule;
  try {
    mod = (await import(`./${name}.ts`)) as SimulatorModule;
  } catch {
    process.stderr.write(`kiosk-sim ${name}: not yet available in this build\n`);
    return 2;
  }
  await mod.run(args);
  return 0;
}
