/**
 * Issues 3 and 5: the demo journey through the real drivers. The core is wired with
 * createSimulatedPorts: the card is read by @kiosk/id-card from the virtual CCCD over
 * pcscd + vpcd, and the receipt goes through @kiosk/printer to the virtual printer over TCP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { demoCitizens } from '../../src/demo/demo-citizens';
import { createSimulatedPorts, type SimulatedPorts } from '../../src/demo/simulated-ports';
import type { JourneyView } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { ensurePcscd } from '@kiosk/test-fixtures/pcsc-harness';
import { answerMissingFields } from '../form-answers';

let ports: SimulatedPorts;
let core: RunningCore;
const logLines: string[] = [];

beforeAll(async () => {
  ensurePcscd();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-sim-'));
  const logger = createLogger((line) => logLines.push(line));
  ports = await createSimulatedPorts(dataDir, { logger, pcscWaitMs: 15_000 });
  core = await startKioskCore({ config: parseKioskConfig({ dataDir, port: 0 }), ports, logger });
});

afterAll(async () => {
  await core?.stop();
  await ports?.close();
});

async function fillAndContinue(client: TestClient, view: JourneyView): Promise<JourneyView> {
  const answers: Record<string, unknown> = {
    phone: '0912345678',
    newResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail: 'Số 1' },
  };
  await answerMissingFields(client, view, answers);
  const confirming = client.step('confirming');
  await client.request({ type: 'journey.continue' });
  return (await confirming).view;
}

describe('the demo journey through the chip driver and the ESC/POS driver', () => {
  it('uses the PC/SC path with the virtual card', () => {
    expect(ports.cardPath).toBe('pcsc');
    expect(ports.devices.list().map((d) => d.kind)).toEqual(['cardReader', 'printer']);
  });

  it('runs from the virtual card to a slip printed by the virtual printer', async () => {
    const citizen = demoCitizens[2];
    if (!citizen) throw new Error('no demo citizen');
    const client = await TestClient.connect(core);
    const choosing = client.step('choosingProcedure');
    await client.request({ type: 'demo.placeCard', citizenIndex: 2 });
    const chosen = (await choosing).view;
    expect(chosen.citizen?.record.personalId).toBe(citizen.personalId);
    expect(chosen.citizen?.assurance).toBe('chip-verified');
    expect(chosen.citizen?.provenance.fullName).toBe('chip');
    expect(logLines.join('\n')).toContain(
      '"event":"identity.passiveAuthentication","status":"valid"',
    );

    const reviewing = client.step('reviewingForm');
    await client.request({ type: 'journey.selectProcedure', code: '1.004222' });
    const confirm = await fillAndContinue(client, (await reviewing).view);
    expect(confirm.form?.values.fullName).toBe(citizen.fullName);
    const done = client.step('done');
    await client.request({ type: 'journey.confirm' });
    const receipt = (await done).view.receipt;
    if (!receipt) throw new Error('no receipt');

    const printed = await ports.virtualPrinter.waitForReceipt(0);
    const text = printed.lines.map((l) => l.text).join(' ');
    expect(text).toContain(receipt.dossierCode);
    expect(text).toContain(citizen.fullName);
    expect(printed.qrCodes.map((q) => q.payload)).toEqual([receipt.lookupUrl]);
    expect(printed.cuts).toBe(1);
    client.close();
  });
});

describe('without the vpcd reader', () => {
  it('falls back to the in-process reader, says so in the log, and still prints for real', async () => {
    const lines: string[] = [];
    const fallback = await createSimulatedPorts(mkdtempSync(join(tmpdir(), 'kiosk-sim-')), {
      logger: createLogger((line) => lines.push(line)),
      reader: 'No such reader 99',
      pcscWaitMs: 200,
    });
    try {
      expect(fallback.cardPath).toBe('in-process');
      expect(lines.join('\n')).toContain('demo.pcsc.unavailable');
      const presented = new Promise<string>((resolve) => {
        const off = fallback.devices.onCardPresented((reader) => {
          off();
          resolve(reader);
        });
      });
      fallback.demo.placeCard(0);
      expect(await presented).toBe('Demo card reader');
      expect(await fallback.printer.check()).toEqual({ ready: true, paper: 'ok' });
    } finally {
      await fallback.close();
    }
  });
});
