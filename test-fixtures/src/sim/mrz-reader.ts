import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import type { LineTerminator, MrzFraming } from '@kiosk/mrz';
import { MrzReaderSimulator } from '../mrz-reader';

const USAGE = `usage: kiosk-sim mrz-reader --device PATH [--count N] [--start I] [--seed S]
                              [--interval-ms MS] [--framing lines|stx-etx]
                              [--terminator CR|LF|CRLF] [--loop]

Writes the TD1 MRZ of synthetic citizens to PATH (one end of a socat pty pair), like a swipe
reader does when a card passes through it.`;

function terminatorOf(text: string): LineTerminator {
  if (text === 'CR' || text === 'LF' || text === 'CRLF') return text;
  throw new Error(`--terminator must be CR, LF or CRLF\n${USAGE}`);
}

/** `kiosk-sim mrz-reader`: resolves when all frames are written (never with --loop). */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      device: { type: 'string' },
      count: { type: 'string', default: '1' },
      start: { type: 'string', default: '0' },
      seed: { type: 'string' },
      'interval-ms': { type: 'string', default: '1000' },
      framing: { type: 'string', default: 'lines' },
      terminator: { type: 'string', default: 'CRLF' },
      loop: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.device) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.device && !values.help) process.exitCode = 2;
    return;
  }
  const kind = values.framing === 'stx-etx' ? 'stx-etx' : 'lines';
  const framing: MrzFraming = { kind, terminator: terminatorOf(values.terminator) };
  const sim = await MrzReaderSimulator.open({ device: values.device, framing });
  const count = Number(values.count);
  const start = Number(values.start);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  try {
    let i = 0;
    do {
      const lines = await sim.sendCitizen(start + (i % count), seed);
      process.stdout.write(`sent ${lines[0]}\n`);
      i += 1;
      if (values.loop || i < count) await delay(Number(values['interval-ms']));
    } while (values.loop || i < count);
  } finally {
    await sim.close();
  }
}
