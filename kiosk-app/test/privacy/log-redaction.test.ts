/**
 * Log redaction over a whole working day of the real core (demo stand-ins, WebSocket API):
 * complete journeys for several synthetic citizens and the failure paths (registry unavailable or
 * throwing, printer out of paper, an invalid QR carrying a citizen's data). Afterwards no log line,
 * before or after `redact`, may contain any personal value of any of those citizens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenRecord } from '@kiosk/forms';
import type { JourneyView } from '@kiosk/protocol';
import type { RegistryOutcome } from '../../src/core/flow/journey-services';
import { demoCitizens, demoQrText } from '../../src/demo/demo-citizens';
import { DemoDevices } from '../../src/demo/demo-devices';
import { TestClient } from '../core-harness';
import {
  leaks,
  nameParts,
  personalValuesOf,
  startCoreWithRawLog,
  type CoreWithRawLog,
} from './privacy-harness';
import { answerMissingFields } from '../form-answers';

const PERMANENT_RESIDENCE = '1.004222';

let env: CoreWithRawLog;
/** What each citizen typed into forms (phone, new address): personal too. */
const typed = new Map<number, string[]>();

function citizen(i: number): CitizenRecord {
  const c = demoCitizens[i];
  if (!c) throw new Error(`no demo citizen ${i}`);
  return c;
}

function answersFor(i: number) {
  const phone = `09${citizen(i).personalId.slice(-8)}`;
  const detail = `Số ${40 + i} ngõ ${120 + i} đường Trần Hưng Đạo`;
  typed.set(i, [phone, detail]);
  return {
    phone,
    newResidence: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail },
  } as Record<string, unknown>;
}

async function fillAndContinue(client: TestClient, view: JourneyView, i: number) {
  const answers = answersFor(i);
  await answerMissingFields(client, view, answers);
  const confirming = client.step('confirming');
  await client.request({ type: 'journey.continue' });
  return (await confirming).view;
}

/** Card (or QR) to confirmation; returns the client on the confirming step. */
async function upToConfirmation(i: number, how: 'card' | 'qr'): Promise<TestClient> {
  const client = await TestClient.connect(env.core);
  const choosing = client.step('choosingProcedure');
  await client.request(
    how === 'card'
      ? { type: 'demo.placeCard', citizenIndex: i }
      : { type: 'demo.scanQr', citizenIndex: i },
  );
  await choosing;
  const reviewing = client.step('reviewingForm');
  await client.request({ type: 'journey.selectProcedure', code: PERMANENT_RESIDENCE });
  await fillAndContinue(client, (await reviewing).view, i);
  return client;
}

/** Finishes the receipt; with a comment, rates the visit with it (issue 18), else skips. */
async function backToIdle(client: TestClient, comment?: string) {
  const idle = client.step('idle');
  const rating = client.step('rating');
  await client.request({ type: 'journey.finish' });
  await rating;
  await client.request(
    comment === undefined
      ? { type: 'journey.skipRating' }
      : { type: 'journey.rate', level: 'dissatisfied', reasons: ['tooSlow'], comment },
  );
  await idle;
  await client.request({ type: 'demo.removeCard' });
  client.close();
}

async function fullJourney(i: number, how: 'card' | 'qr' = 'card'): Promise<string> {
  const client = await upToConfirmation(i, how);
  const done = client.step('done');
  await client.request({ type: 'journey.confirm' });
  const code = (await done).view.receipt?.dossierCode ?? '';
  // A comment that names the citizen: none of it may reach a log line.
  await backToIdle(client, `${citizen(i).fullName} ${citizen(i).personalId} chờ lâu`);
  return code;
}

beforeAll(async () => {
  env = await startCoreWithRawLog();
});

afterAll(async () => {
  await env?.core.stop();
});

describe('no personal data in the log', () => {
  it('complete journeys by chip for three citizens and by QR for one', async () => {
    for (const i of [0, 1, 2]) expect(await fullJourney(i)).toMatch(/^H01-/);
    expect(await fullJourney(3, 'qr')).toMatch(/^H01-/);
  });

  it('registry unavailable, and a registry client that throws with the ID in its message', async () => {
    const registry = env.ports.registry;
    const real = registry.lookup.bind(registry);
    try {
      registry.lookup = async (): Promise<RegistryOutcome> => ({
        kind: 'unavailable',
        reason: 'timeout',
      });
      expect(await fullJourney(4)).toMatch(/^H01-/);
      registry.lookup = async (input) => {
        throw new Error(
          `registry timed out looking up ${input.personalId} ${input.fullName ?? ''}`,
        );
      };
      expect(await fullJourney(5)).toMatch(/^H01-/);
    } finally {
      registry.lookup = real;
    }
    expect(env.logLines.some((l) => l.includes('"outcome":"unavailable"'))).toBe(true);
  });

  it('printer out of paper: the dossier is received, the slip printed after a retry', async () => {
    const printer = env.ports.printerStandIn;
    const client = await upToConfirmation(1, 'card');
    printer.paperOut = true;
    const failed = client.step('printFailed');
    await client.request({ type: 'journey.confirm' });
    expect((await failed).view.error?.code).toBe('PRINTER_PAPER_OUT');
    // Still out of paper: the print itself fails too.
    const again = client.step('printFailed');
    await client.request({ type: 'journey.retry' });
    await again;
    printer.paperOut = false;
    const done = client.step('done');
    await client.request({ type: 'journey.retry' });
    await done;
    await backToIdle(client);
    expect(env.logLines.some((l) => l.includes('PRINTER_PAPER_OUT'))).toBe(true);
  });

  it('an invalid QR that carries a citizen’s data, and a QR of garbage', async () => {
    const client = await TestClient.connect(env.core);
    const fields = demoQrText(citizen(2)).split('|');
    const withFields = (i: number, value: string) =>
      fields.map((f, at) => (at === i ? value : f)).join('|');
    if (!(env.ports.devices instanceof DemoDevices)) throw new Error('demo devices expected');
    for (const text of [
      fields.slice(0, 3).join('|'), // truncated: ID, old ID, name
      withFields(3, '31139999'), // impossible date of birth, everything else real
      withFields(0, citizen(2).personalId.slice(0, 11)), // ID one digit short
      'not a CCCD QR at all',
    ]) {
      const failed = client.step('identifyFailed');
      env.ports.devices.scan(text);
      expect((await failed).view.error?.code).toBe('QR_INVALID');
      const idle = client.step('idle');
      await client.request({ type: 'journey.cancel' });
      await idle;
    }
    client.close();
    expect(env.logLines.some((l) => l.includes('QR_INVALID'))).toBe(true);
  });

  it('every captured line, before and after redaction, is free of every personal value', () => {
    expect(env.logLines.length).toBe(env.rawLines.length);
    expect(env.logLines.length).toBeGreaterThan(50);
    const values = [0, 1, 2, 3, 4, 5].flatMap((i) => personalValuesOf(citizen(i), typed.get(i)));
    expect(leaks(env.rawLines, values)).toEqual([]);
    expect(leaks(env.logLines, values)).toEqual([]);
  });

  it('the check itself finds each kind of value (so an empty result means something)', () => {
    const c = citizen(0);
    const values = personalValuesOf(c, typed.get(0));
    const [y, m, d] = c.dateOfBirth.split('-');
    expect(values).toEqual(
      expect.arrayContaining([
        c.personalId,
        c.fullName,
        `${d}/${m}/${y}`,
        c.dateOfBirth,
        ...nameParts(c.fullName),
      ]),
    );
    expect(nameParts('Hoàng Quốc Nam')).toEqual(['Hoàng Quốc', 'Hoàng Quốc Nam', 'Quốc Nam']);
    expect(typed.get(0)?.length).toBe(2);
    const line = JSON.stringify({ event: 'x', note: `gặp ${nameParts(c.fullName).at(-1)}` });
    expect(leaks([line], values)).toHaveLength(1);
  });
});
