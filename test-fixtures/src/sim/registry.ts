import { parseArgs } from 'node:util';
import { syntheticCitizens } from '../citizens/synthetic-citizens';
import { startRegistrySimulator } from '../registry';

const USAGE = `usage: kiosk-sim registry [--port N] [--db FILE] [--citizens N] [--no-auth]
                          [--fallback-service-code CODE]
  Serves synthetic citizens in the provincial integration format on 127.0.0.1. MaDVC must be a
  national procedure code (1.004222) or CODE, the kiosk's registry.codes.maDVC for prefetches.`;

/** `kiosk-sim registry`: runs the population registry simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      db: { type: 'string' },
      citizens: { type: 'string', default: '300' },
      'no-auth': { type: 'boolean', default: false },
      'fallback-service-code': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startRegistrySimulator({
    port: Number(values.port),
    dbFile: values.db,
    citizens: syntheticCitizens(Number(values.citizens)),
    auth: values['no-auth'] ? 'none' : 'oauth2',
    fallbackServiceCode: values['fallback-service-code'],
  });
  process.stdout.write(
    `${JSON.stringify({ url: sim.url, tokenUrl: sim.tokenUrl, clientId: sim.clientId, clientSecret: sim.clientSecret, citizens: sim.citizens.length })}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
