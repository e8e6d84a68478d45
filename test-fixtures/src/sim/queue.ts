import { parseArgs } from 'node:util';
import { startQueueSystem } from '../queue';

const USAGE = `usage: kiosk-sim queue [--port N] [--groups HT,CT,CTR,LLTP,KD]
  A centre's queue system: POST /api/tickets {"group":"HT","kiosk":"KIOSK-01"} answers
  201 {"number":"HT0001","group":"HT","issuedAt":"…","waiting":0}; GET /api/tickets lists them.`;

/** `kiosk-sim queue`: runs the queue system simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      groups: { type: 'string', default: 'HT,CT,CTR,LLTP,KD' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startQueueSystem({
    port: Number(values.port),
    groups: values.groups
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== ''),
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
