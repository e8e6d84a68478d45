import { parseArgs } from 'node:util';
import { DEFAULT_SMSC_PASSWORD, DEFAULT_SMSC_SYSTEM_ID, startSmscSimulator } from '../smsc';

const USAGE = `usage: kiosk-sim smsc [--port N] [--http-port N] [--system-id ID] [--password PW]
  An SMPP v3.4 SMSC on 127.0.0.1 that records submit_sm; GET /messages on the HTTP port lists them.`;

/** `kiosk-sim smsc`: runs the SMSC simulator until SIGINT/SIGTERM. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '0' },
      'http-port': { type: 'string', default: '0' },
      'system-id': { type: 'string', default: DEFAULT_SMSC_SYSTEM_ID },
      password: { type: 'string', default: DEFAULT_SMSC_PASSWORD },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSmscSimulator({
    port: Number(values.port),
    httpPort: Number(values['http-port']),
    systemId: values['system-id'],
    password: values.password,
  });
  process.stdout.write(`${JSON.stringify({ smppUrl: sim.smppUrl, httpUrl: sim.httpUrl })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
}
