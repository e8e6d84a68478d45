import { parseArgs } from 'node:util';
import { startPortalSimulator } from '../portal';

const USAGE = `usage: kiosk-sim portal [--port N] [--db FILE] [--step-ms N]
  Accepts dossiers on 127.0.0.1, deduplicated by Idempotency-Key; GET /test/count for counts.`;

/** `kiosk-sim portal`: runs the one-stop portal simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      db: { type: 'string' },
      'step-ms': { type: 'string', default: '60000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startPortalSimulator({
    port: Number(values.port),
    dbFile: values.db,
    statusStepMs: Number(values['step-ms']),
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
