/**
 * Issue 8: the MRZ reader role takes effect live. The real core (demo registry, gateway and
 * identity reader; the device manager without pcscd) gets a serial MRZ reader assigned through
 * the API on one end of a socat pty pair; the `kiosk-sim mrz-reader` simulator writes a demo
 * citizen's CCCD MRZ into the other end, and the journey identifies that citizen. Killing socat
 * (the unplug) shows the reader offline, the core keeps answering, and restarting it on the same
 * links (the replug) brings the reader back. Needs: socat on PATH. No vpcd port is used.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCccdTd1, type MrzFraming } from '@kiosk/mrz';
import {
  defaultTemplate,
  loadProfile,
  MemoryTransport as MemoryPrinterTransport,
  ReceiptPrinter,
} from '@kiosk/printer';
import { MrzReaderSimulator } from '@kiosk/test-fixtures/mrz-reader';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SocatPtyPair } from '@kiosk/test-fixtures/serial';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { EscposReceiptPrinter } from '../../src/core/devices';
import { DeviceManager } from '../../src/core/devices/device-manager';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { demoCitizens } from '../../src/demo/demo-citizens';
import { createDemoPorts } from '../../src/demo/demo-ports';
import type { DeviceView, HealthView, JourneyView, ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';

const FRAMING: MrzFraming = { kind: 'lines', terminator: 'CRLF' };

let dir: string;
let pair: SocatPtyPair;
let manager: DeviceManager;
let core: RunningCore;
let technician: TestClient;
let citizen: TestClient;
const logLines: string[] = [];

beforeAll(async () => {
  // Under /dev (the settings accept only /dev/... ports) and writable by anyone: socat's links
  // vanish with it, so an unplugged reader never reopens a pty number the system gave away.
  dir = await mkdtemp('/dev/shm/kiosk-mrz-role-');
  pair = new SocatPtyPair(join(dir, 'reader'), join(dir, 'sim'));
  await pair.start();
  const dataDir = await mkdtemp(join(dir, 'data-'));
  const logger = createLogger((line) => logLines.push(line));
  const profile = loadProfile('epson-80mm-tcvn3');
  manager = new DeviceManager({
    printer: new EscposReceiptPrinter({
      printer: new ReceiptPrinter(new MemoryPrinterTransport('memory:printer'), profile),
      profile,
      template: defaultTemplate(),
    }),
    printerUri: 'memory:printer',
    mrzPollIntervalMs: 100,
    logger,
    sources: {
      listSerialPorts: async () => [],
      listHid: async () => [],
      listLinePrinters: async () => [],
    },
  });
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: { ...createDemoPorts(dataDir), devices: manager, deviceSetup: manager },
    logger,
  });
  await core.accounts.create('kt', 'technician', '135790');
  technician = await TestClient.connect(core);
  citizen = await TestClient.connect(core);
  const signIn = await technician.request({
    type: 'auth.signIn',
    role: 'technician',
    user: 'kt',
    pin: '135790',
  });
  expect(signIn.ok).toBe(true);
});

afterAll(async () => {
  technician?.close();
  citizen?.close();
  await core?.stop();
  manager?.close();
  await pair?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function data<T>(command: Parameters<TestClient['request']>[0]): Promise<T> {
  const reply = await technician.request(command);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

const mrzRow = (rows: readonly DeviceView[]) => rows.find((d) => d.address === pair.hostPath);

function journeyAt(step: string, then: (view: JourneyView) => boolean = () => true) {
  return (m: ServerMessage): m is Extract<ServerMessage, { type: 'journey' }> =>
    m.type === 'journey' && m.view.step === step && then(m.view);
}

describe('the serial MRZ reader role on a socat pty pair', () => {
  it('is assigned through the API and in effect at once', async () => {
    const reply = await data<{ devices: DeviceView[] }>({
      type: 'devices.assign',
      assignment: {
        role: 'mrzReader',
        settings: { path: pair.hostPath, baudRate: 9600, framing: FRAMING },
      },
    });
    expect(mrzRow(reply.devices)).toMatchObject({
      kind: 'mrzReader',
      status: 'online',
      assignedTo: ['mrzReader'],
    });
  });

  it('identifies the citizen whose CCCD MRZ the reader sends, from the idle screen', async () => {
    const person = demoCitizens[1];
    if (!person) throw new Error('no demo citizen');
    await citizen.waitFor(journeyAt('idle'));
    citizen.received.length = 0;
    const identifying = citizen.waitFor(
      journeyAt('identifying', (v) => v.identifying?.method === 'mrz'),
    );
    const choosing = citizen.waitFor(journeyAt('choosingProcedure'));
    const sim = await MrzReaderSimulator.open({ device: pair.devicePath, framing: FRAMING });
    const lines = formatCccdTd1(person);
    try {
      await sim.sendLines(lines);
    } finally {
      await sim.close();
    }
    await identifying;
    const chosen = (await choosing).view;
    expect(chosen.citizen?.record.personalId).toBe(person.personalId);
    // Before a procedure is chosen the registry is not asked (issue 16): the name is the MRZ's,
    // in capitals without diacritics (ICAO 9303-3 transliteration: Đ → D).
    const printedName = person.fullName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/giu, 'D')
      .toUpperCase();
    expect(chosen.citizen?.record.fullName).toBe(printedName);
    // No MRZ in the log: neither its lines nor the ID number it carries.
    const log = logLines.join('\n');
    for (const line of lines) expect(log).not.toContain(line);
    expect(log).not.toContain(person.personalId);
    await citizen.request({ type: 'journey.cancel' });
  });

  it('shows the reader offline when the pty is pulled, keeps the core up, and recovers', async () => {
    await pair.stop();
    await vi.waitFor(
      async () => {
        const rows = await data<DeviceView[]>({ type: 'devices.list' });
        expect(mrzRow(rows)?.status).toBe('offline');
      },
      { timeout: 10_000, interval: 100 },
    );
    const health = await data<HealthView>({ type: 'health' });
    expect(health.problems).toContain(`device:mrz:${pair.hostPath}:offline`);

    await pair.start();
    await vi.waitFor(
      async () => {
        const rows = await data<DeviceView[]>({ type: 'devices.list' });
        expect(mrzRow(rows)?.status).toBe('online');
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
