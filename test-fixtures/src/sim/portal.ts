import { parseArgs } from 'node:util';
import { startPortalSimulator } from '../portal';
import { DEFAULT_SMSC_PASSWORD, DEFAULT_SMSC_SYSTEM_ID } from '../smsc';

const USAGE = `usage: kiosk-sim portal [--port N] [--db FILE] [--step-ms N]
                       [--smsc smpp://HOST:PORT --short-code N [--smsc-system-id ID] [--smsc-password PW]]
  Accepts dossiers on 127.0.0.1, deduplicated by Idempotency-Key; GET /test/count for counts.
  With --smsc, status changes of dossiers whose citizen agreed go out as SMS over SMPP.`;

/** `kiosk-sim portal`: runs the one-stop portal simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      db: { type: 'string' },
      'step-ms': { type: 'string', default: '60000' },
      smsc: { type: 'string' },
      'short-code': { type: 'string', default: '8088' },
      'smsc-system-id': { type: 'string', default: DEFAULT_SMSC_SYSTEM_ID },
      'smsc-password': { type: 'string', default: DEFAULT_SMSC_PASSWORD },
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
    ...(values.smsc
      ? {
          sms: {
            account: {
              url: values.smsc,
              systemId: values['smsc-system-id'],
              password: values['smsc-password'],
            },
            shortCode: values['short-code'],
            onFailure: (error) => process.stderr.write(`sms: ${error.code}: ${error.message}\n`),
          },
        }
      : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
