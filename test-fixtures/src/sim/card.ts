import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualCard } from '../card/index';
import { INSTANT_LINK, ISO14443_424K } from '../card/link-model';

const USAGE = `usage: kiosk-sim card [--citizen N] [--port 35963] [--host H] [--no-pace] [--no-extended]
                     [--max-response BYTES] [--tamper DG] [--remove-after APDUS] [--instant]
                     [--removed]
Puts a virtual CCCD on the vpcd reader (35963 = "Virtual PCD 00 00", 35964 = "Virtual PCD 00 01").
--removed starts with the card off the reader. While it runs, "insert" and "remove" on stdin
place the card and take it off (each answered with a "card: ..." line).
Needs pcscd with vsmartcard-vpcd: scripts/services/pcscd.sh. Stops on Ctrl-C.`;

/** `kiosk-sim card`: a synthetic citizen's CCCD on the real PC/SC stack until interrupted. */
export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      citizen: { type: 'string', default: '0' },
      port: { type: 'string', default: '35963' },
      host: { type: 'string' },
      'no-pace': { type: 'boolean', default: false },
      'no-extended': { type: 'boolean', default: false },
      'max-response': { type: 'string' },
      tamper: { type: 'string' },
      'remove-after': { type: 'string' },
      instant: { type: 'boolean', default: false },
      removed: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const card = await startVirtualCard({
    citizen: Number(values.citizen),
    port: Number(values.port),
    host: values.host,
    pace: values['no-pace'] ? false : undefined,
    refuseExtendedLength: values['no-extended'],
    maxResponseBytes: values['max-response'] ? Number(values['max-response']) : undefined,
    tamperDataGroup: values.tamper ? Number(values.tamper) : undefined,
    removeAfterApdus: values['remove-after'] ? Number(values['remove-after']) : undefined,
    link: values.instant ? INSTANT_LINK : ISO14443_424K,
    inserted: !values.removed,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sim-csca-'));
  writeFileSync(join(dir, 'vn-test-csca.pem'), card.cscaCertificatePem);
  const c = card.citizen;
  process.stdout.write(
    [
      `virtual CCCD on vpcd port ${values.port}: ${c.fullName} (${c.personalId})`,
      `MRZ:  ${card.mrz.join('\\n')}`,
      `CAN:  ${card.can}`,
      `QR:   ${c.personalId}|${c.oldIdNumber ?? ''}|${c.fullName}|${c.dateOfBirth.split('-').reverse().join('')}|${c.sex === 'F' ? 'Nữ' : 'Nam'}||${(c.dateOfIssue ?? '').split('-').reverse().join('')}`,
      `CSCA: ${dir}`,
      `card: ${card.isInserted ? 'on' : 'off'} the reader`,
      '',
    ].join('\n'),
  );
  // A citizen placing and lifting the card, for tests that run this simulator as a process.
  const stdin = createInterface({ input: process.stdin });
  stdin.on('line', (line) => {
    const command = line.trim();
    const change =
      command === 'insert' ? card.insert() : command === 'remove' ? card.remove() : undefined;
    if (change === undefined) {
      if (command !== '') process.stdout.write('commands: insert, remove\n');
      return;
    }
    void change.then(
      () => process.stdout.write(`card: ${card.isInserted ? 'on' : 'off'} the reader\n`),
      (error: unknown) => process.stdout.write(`card: ${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stdin.close();
  await card.close();
}
