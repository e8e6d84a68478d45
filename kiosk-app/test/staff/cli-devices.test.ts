/**
 * `kiosk devices assign` and `kiosk devices test` against a running core (the demo wiring with
 * the in-process card and the virtual ESC/POS printer over TCP), with technician credentials.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error';
import { assignDevice, assignmentFromArgs, testDevice } from '../../src/cli/commands/devices';
import type { Output } from '../../src/cli/output';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import type { Reply } from '@kiosk/protocol';
import { createSimulatedPorts, type SimulatedPorts } from '../../src/demo/simulated-ports';

let core: RunningCore;
let ports: SimulatedPorts;
let dataDir: string;
let tech: { dataDir: string; user: string; pinFile: string };

function capture(): Output & { lines: string[]; docs: unknown[] } {
  const lines: string[] = [];
  const docs: unknown[] = [];
  return { lines, docs, line: (text) => lines.push(text), json: (doc) => docs.push(doc) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-cli-devices-'));
  const logger = createLogger(() => undefined);
  ports = await createSimulatedPorts(dataDir, { card: 'in-process', logger });
  core = await startKioskCore({ config: parseKioskConfig({ dataDir, port: 0 }), ports, logger });
  await core.accounts.create('kt', 'technician', '135790');
  const pinFile = join(dataDir, 'kt.pin');
  writeFileSync(pinFile, '135790\n', { mode: 0o600 });
  tech = { dataDir, user: 'kt', pinFile };
});

afterAll(async () => {
  await core?.stop();
  await ports?.close();
});

describe('kiosk devices assign / test', () => {
  it('assigns the printer and test-prints on it, reporting the status', async () => {
    const out = capture();
    await assignDevice(
      assignmentFromArgs('printer', 'demo:virtual-printer', { profile: 'epson-80mm-tcvn3' }),
      tech,
      out,
    );
    expect(out.lines).toEqual(['receiptPrinter: demo:virtual-printer — in effect now']);
    const printed = capture();
    const slip = ports.virtualPrinter.waitForReceipt(ports.virtualPrinter.receipts.length);
    await testDevice('print', { ...tech, json: true }, printed);
    const reply = printed.docs[0] as Reply['devices.testPrint'];
    expect(reply.status).toMatchObject({ online: true, paper: 'ok' });
    expect((await slip).lines.map((l) => l.text).join('\n')).toContain('BẢN IN THỬ');
  });

  it('refuses an unknown reader and a card test without pcscd, with the reason', async () => {
    const refused = assignDevice(assignmentFromArgs('card-reader', 'Nope', {}), tech, capture());
    await expect(refused).rejects.toThrow(CliError);
    await expect(refused).rejects.toThrow(/INVALID_SETTINGS: nothing was changed.*pcscd/);
    await expect(testDevice('card', tech, capture())).rejects.toThrow(/NOT_AVAILABLE/);
    await expect(testDevice('fax', tech, capture())).rejects.toThrow(/unknown test "fax"/);
  });
});
