import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startPaymentPlatform } from '../payment';

const USAGE = `usage: kiosk-sim payment --notify-url URL --key-file FILE [--port N]
  Creates fee transactions (POST /api/transactions), lists a dossier's
  (GET /api/transactions?dossierCode=CODE), pays one on POST /api/transactions/ID/pay
  and notifies URL with an HMAC-SHA256-signed body (key read from FILE).`;

/** `kiosk-sim payment`: runs the payment platform simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      'notify-url': { type: 'string' },
      'key-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values['notify-url'] || !values['key-file']) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startPaymentPlatform({
    port: Number(values.port),
    notifyUrl: values['notify-url'],
    key: readFileSync(values['key-file']),
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
