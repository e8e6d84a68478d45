/**
 * Technician device setup over the API, on the real core with the chip driver on its in-memory
 * transport twin (two readers), the ESC/POS driver on two virtual printers over TCP, and a
 * scanner stand-in: assignment checked against what is attached and applied live, refusals that
 * change nothing, role checks, and the card / QR / print tests with their audit entries. A test
 * card (placed while the test waits) is never seen by the journey.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCardService, MemoryTransport, type MemoryCard } from '@kiosk/id-card';
import { formatCccdTd1 } from '@kiosk/mrz';
import { createTransport, defaultTemplate, loadProfile, ReceiptPrinter } from '@kiosk/printer';
import { createVirtualCccd, type VirtualCccd } from '@kiosk/test-fixtures/card';
import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/test-fixtures/printer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, CardTestView, Reply } from '@kiosk/protocol';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { EscposReceiptPrinter, ManualScanSource } from '../../src/core/devices';
import { DeviceManager } from '../../src/core/devices/device-manager';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { demoQrText, demoCitizens } from '../../src/demo/demo-citizens';
import { journeyView } from '../../src/core/flow/journey-view';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { TestClient } from '../core-harness';

const READER_A = 'Memory reader A';
const READER_B = 'Memory reader B';

let core: RunningCore;
let transport: MemoryTransport;
let cccd: VirtualCccd;
let printerA: VirtualPrinter;
let printerB: VirtualPrinter;
let scanner: ManualScanSource;
let manager: DeviceManager;
const logLines: string[] = [];
let technician: TestClient;
let staff: TestClient;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-devices-'));
  transport = new MemoryTransport();
  transport.addReader(READER_A);
  transport.addReader(READER_B);
  cccd = await createVirtualCccd(2);
  const cscaDir = join(dataDir, 'csca');
  mkdirSync(cscaDir);
  writeFileSync(join(cscaDir, 'test-csca.pem'), cccd.pki.csca.toString('pem'));
  printerA = await startVirtualPrinter({ tcpPort: 0, host: '127.0.0.1' });
  printerB = await startVirtualPrinter({ tcpPort: 0, host: '127.0.0.1' });
  const profile = loadProfile('epson-80mm-tcvn3');
  const uriA = `tcp://127.0.0.1:${printerA.port}`;
  const printer = new EscposReceiptPrinter({
    printer: new ReceiptPrinter(createTransport(uriA), profile),
    profile,
    template: defaultTemplate(),
  });
  scanner = new ManualScanSource();
  const logger = createLogger((line) => logLines.push(line));
  manager = new DeviceManager({
    cards: createCardService({ transport }),
    defaultReader: READER_A,
    printer,
    printerUri: uriA,
    scanner,
    cscaDir,
    // Short, so the no-card case does not hold the suite for the real 20 s.
    cardTestWaitMs: 1_000,
    logger,
    sources: {
      listSerialPorts: async () => [],
      listHid: async () => [],
      listLinePrinters: async () => [],
    },
  });
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: { ...createDemoPorts(dataDir), printer, devices: manager, deviceSetup: manager },
    logger,
  });
  await core.accounts.create('kt', 'technician', '135790');
  await core.accounts.create('lan', 'staff', '246802');
  technician = await TestClient.connect(core);
  staff = await TestClient.connect(core);
  expect(
    (
      await technician.request({
        type: 'auth.signIn',
        role: 'technician',
        user: 'kt',
        pin: '135790',
      })
    ).ok,
  ).toBe(true);
  expect(
    (await staff.request({ type: 'auth.signIn', role: 'staff', user: 'lan', pin: '246802' })).ok,
  ).toBe(true);
});

afterAll(async () => {
  technician?.close();
  staff?.close();
  await core?.stop();
  manager?.close();
  await printerA?.close();
  await printerB?.close();
});

async function data<T>(command: Parameters<TestClient['request']>[0]): Promise<T> {
  const reply = await technician.request(command);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

async function refusal(client: TestClient, command: Parameters<TestClient['request']>[0]) {
  const reply = await client.request(command);
  if (reply.ok) throw new Error(`expected a refusal of ${JSON.stringify(command)}`);
  return reply.error;
}

async function audit(action: string): Promise<AuditEntryView[]> {
  const entries = await data<AuditEntryView[]>({ type: 'audit.recent', limit: 500 });
  return entries.filter((e) => e.action === action);
}

const settings = () => data<Record<string, unknown>>({ type: 'config.get' });

const journeyStep = () => journeyView(core.journey.getSnapshot(), 0).step;

/**
 * Runs a test card read and places `card` while it waits, as a technician does (no `card`: the
 * one a test left on the reader); the journey must stay where it was and hear nothing of that
 * card, not even its removal (`takeOff`).
 */
async function testReadPlacing(
  card: MemoryCard | undefined,
  keys: { mrz?: string },
  takeOff = true,
): Promise<Awaited<ReturnType<TestClient['request']>>> {
  const heard: string[] = [];
  const offPresented = manager.onCardPresented((reader) => heard.push(`presented ${reader}`));
  const offRemoved = manager.onCardRemoved(() => heard.push('removed'));
  const stepBefore = journeyStep();
  try {
    const reply = technician.request({ type: 'devices.testCardRead', ...keys });
    // The request is in the core (the reader armed) once the reply to a later one is back.
    await data({ type: 'devices.list' });
    if (card) transport.insertCard(READER_B, card);
    const result = await reply;
    if (takeOff) transport.removeCard(READER_B);
    expect(heard).toEqual([]);
    expect(journeyStep()).toBe(stepBefore);
    return result;
  } finally {
    offPresented();
    offRemoved();
  }
}

function success<T>(reply: Awaited<ReturnType<TestClient['request']>>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data as T;
}

function failure(reply: Awaited<ReturnType<TestClient['request']>>) {
  if (reply.ok) throw new Error('expected the test read to fail');
  return reply.error;
}

/** The virtual card; after `afterApdus` commands it is taken off, or its reader unplugged. */
function cardOn(reader: string, afterApdus?: number, unplug = false): MemoryCard {
  let count = 0;
  return {
    atr: cccd.memoryCard.atr,
    reset: () => cccd.memoryCard.reset?.(),
    transmit: async (apdu) => {
      count += 1;
      if (afterApdus !== undefined && count > afterApdus) {
        if (unplug) transport.removeReader(reader);
        else transport.removeCard(reader);
      }
      return cccd.memoryCard.transmit(apdu);
    },
  };
}

describe('technician device setup over the API', () => {
  it('lists both readers and the printer, with the reader and printer in use marked', async () => {
    const devices = await data<Reply['devices.assign']['devices']>({ type: 'devices.list' });
    expect(devices.find((d) => d.id === `pcsc:${READER_A}`)?.assignedTo).toEqual(['cardReader']);
    expect(devices.find((d) => d.id === `pcsc:${READER_B}`)?.assignedTo).toEqual([]);
    expect(devices.find((d) => d.assignedTo?.includes('receiptPrinter'))?.address).toBe(
      `tcp://127.0.0.1:${printerA.port}`,
    );
  });

  it('assigns another reader: saved, audited, and the journey follows it without a restart', async () => {
    const reply = await data<Reply['devices.assign']>({
      type: 'devices.assign',
      assignment: { role: 'cardReader', reader: READER_B },
    });
    expect(reply.devices.find((d) => d.id === `pcsc:${READER_B}`)?.assignedTo).toEqual([
      'cardReader',
    ]);
    expect((await settings()).cardReader).toBe(READER_B);
    expect(manager.cardReader).toBe(READER_B);
    const entry = (await audit('devices.assign'))[0];
    expect(entry).toMatchObject({ actor: 'technician:kt', subject: `cardReader:${READER_B}` });

    // A card on the old reader is not the journey's business any more; one on the new one is.
    let presented: string[] = [];
    const off = manager.onCardPresented((reader) => presented.push(reader));
    transport.insertCard(READER_A, cardOn(READER_A));
    transport.removeCard(READER_A);
    expect(presented).toEqual([]);
    transport.insertCard(READER_B, cardOn(READER_B));
    transport.removeCard(READER_B);
    expect(presented).toEqual([READER_B]);
    presented = [];
    off();
  });

  it('refuses an unknown reader, profile or printer URI with the reason and changes nothing', async () => {
    const before = JSON.stringify(await settings());
    const unknownReader = await refusal(technician, {
      type: 'devices.assign',
      assignment: { role: 'cardReader', reader: 'No such reader' },
    });
    expect(unknownReader.code).toBe('INVALID_SETTINGS');
    expect(unknownReader.message).toMatch(/nothing was changed.*"No such reader" is not connected/);
    const badProfile = await refusal(technician, {
      type: 'devices.assign',
      assignment: { role: 'receiptPrinter', uri: 'tcp://127.0.0.1:9100', profile: 'laser-a4' },
    });
    expect(badProfile).toMatchObject({ code: 'INVALID_SETTINGS' });
    expect(badProfile.message).toContain('unknown printer profile "laser-a4"');
    const badUri = await refusal(technician, {
      type: 'devices.assign',
      assignment: { role: 'receiptPrinter', uri: 'tcp://:99999', profile: 'epson-80mm-tcvn3' },
    });
    expect(badUri.code).toBe('INVALID_SETTINGS');
    const noPort = await refusal(technician, {
      type: 'devices.assign',
      assignment: {
        role: 'mrzReader',
        settings: {
          path: '/dev/ttyNOPE9',
          baudRate: 9600,
          framing: { kind: 'lines', terminator: 'CR' },
        },
      },
    });
    expect(noPort.message).toContain('serial port "/dev/ttyNOPE9" does not exist');
    // Out-of-range numbers never reach the core's handlers.
    const badBaud = await refusal(technician, {
      type: 'devices.assign',
      assignment: {
        role: 'mrzReader',
        settings: {
          path: '/dev/ttyS0',
          baudRate: 12345,
          framing: { kind: 'lines', terminator: 'CR' },
        },
      },
    });
    expect(badBaud.code).toBe('BAD_MESSAGE');
    expect(badBaud.message).toContain('baud rate must be one of');
    expect(JSON.stringify(await settings())).toBe(before);
    expect(manager.cardReader).toBe(READER_B);
    expect(
      (await audit('devices.assign')).some((e) => e.detail === 'failed: INVALID_SETTINGS'),
    ).toBe(true);
  });

  it('staff and citizen sessions may not assign devices or run tests', async () => {
    const assignment = { role: 'cardReader', reader: READER_A } as const;
    expect(await refusal(staff, { type: 'devices.assign', assignment })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal(staff, { type: 'devices.testCardRead' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const citizen = await TestClient.connect(core);
    expect(await refusal(citizen, { type: 'devices.assign', assignment })).toMatchObject({
      code: 'FORBIDDEN',
    });
    citizen.close();
    expect(manager.cardReader).toBe(READER_B);
    expect(
      (await audit('devices.assign')).some(
        (e) => e.actor === 'staff:lan' && e.detail === 'refused: FORBIDDEN',
      ),
    ).toBe(true);
  });

  it("a camera screen asks which camera to open: the technician's choice, live", async () => {
    const citizen = await TestClient.connect(core);
    const asked = async () => {
      const reply = await citizen.request({ type: 'camera.config' });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.data as Reply['camera.config'];
    };
    expect(await asked()).toEqual({});
    await data({
      type: 'devices.assign',
      assignment: { role: 'camera', settings: { deviceLabel: 'USB document camera' } },
    });
    expect(await asked()).toEqual({ deviceLabel: 'USB document camera' });
    citizen.close();
  });

  it('a test read with no card placed in time is a clear DEVICE_ERROR', async () => {
    const error = await refusal(technician, { type: 'devices.testCardRead' });
    expect(error.code).toBe('DEVICE_ERROR');
    expect(error.message).toBe(`no card was placed on ${READER_B} within 1 s`);
    const entry = (await audit('devices.testCardRead'))[0];
    expect(entry).toMatchObject({ subject: READER_B, detail: 'failed: DEVICE_ERROR' });
  });

  it('a waiting test read can be cancelled, and the next card goes to the journey again', async () => {
    const waiting = technician.request({ type: 'devices.testCardRead' });
    await data({ type: 'devices.list' });
    expect(await data({ type: 'devices.cancelTest' })).toEqual({ cancelled: 1 });
    expect(failure(await waiting).message).toBe(`${READER_B}: test cancelled`);
    const heard: string[] = [];
    const off = manager.onCardPresented((reader) => heard.push(reader));
    transport.insertCard(READER_B, cardOn(READER_B));
    transport.removeCard(READER_B);
    off();
    expect(heard).toEqual([READER_B]);
  });

  it('a card the journey already took is refused, and that journey is cancelled', async () => {
    transport.insertCard(READER_B, cardOn(READER_B));
    await expect.poll(journeyStep).not.toBe('idle');
    const mrz = formatCccdTd1(cccd.citizen).join('\n');
    const error = await refusal(technician, { type: 'devices.testCardRead', mrz });
    expect(error.code).toBe('DEVICE_ERROR');
    expect(error.message).toContain('already on the reader before the test started');
    expect(journeyStep()).toBe('idle');
    transport.removeCard(READER_B);
  });

  it('reads the card placed for the test with the typed MRZ: the journey never sees it, nothing logged', async () => {
    const mrz = formatCccdTd1(cccd.citizen).join('\n');
    const result = success<CardTestView>(await testReadPlacing(cardOn(READER_B), { mrz }, false));
    expect(result).toMatchObject({
      reader: READER_B,
      keySource: 'mrz',
      fields: { personalId: cccd.citizen.personalId, hasPhoto: true },
      passiveAuthentication: { status: 'valid' },
    });
    expect(result.fields.fullName).toBeTruthy();
    const entry = (await audit('devices.testCardRead'))[0];
    expect(entry).toMatchObject({ actor: 'technician:kt', subject: READER_B, detail: null });
    const everything = JSON.stringify(await data({ type: 'audit.recent', limit: 500 }));
    for (const secret of [cccd.citizen.personalId, result.fields.fullName ?? '?']) {
      expect(everything).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
    // The test card still on the reader is read again at once, and its removal is not heard.
    const again = success<CardTestView>(await testReadPlacing(undefined, { mrz }));
    expect(again.passiveAuthentication.status).toBe('valid');
  });

  it('a card taken off or a reader unplugged mid-read: the test says so, the next one works', async () => {
    const mrz = formatCccdTd1(cccd.citizen).join('\n');
    const error = failure(await testReadPlacing(cardOn(READER_B, 4), { mrz }, false));
    expect(error.code).toBe('DEVICE_ERROR');
    expect(error.message).toContain('taken off the reader during the test read');
    const unplugged = failure(await testReadPlacing(cardOn(READER_B, 4, true), { mrz }, false));
    expect(unplugged.message).toContain('the reader was unplugged during the test read');
    expect((await refusal(technician, { type: 'devices.testCardRead', mrz })).message).toContain(
      'the reader is not connected',
    );
    transport.addReader(READER_B);
    const again = success<CardTestView>(await testReadPlacing(cardOn(READER_B), { mrz }));
    expect(again.passiveAuthentication.status).toBe('valid');
  });

  it('reassigns the printer live: the test print lands on the new one, with its status', async () => {
    await data({
      type: 'devices.assign',
      assignment: {
        role: 'receiptPrinter',
        uri: `tcp://127.0.0.1:${printerB.port}`,
        profile: 'epson-80mm-tcvn3',
      },
    });
    printerB.setState({ paper: 'near-end' });
    const printed = printerB.waitForReceipt(0);
    const reply = await data<Reply['devices.testPrint']>({ type: 'devices.testPrint' });
    expect((await printed).lines.map((l) => l.text).join('\n')).toContain('BẢN IN THỬ');
    expect(printerA.receipts).toHaveLength(0);
    expect(reply.status).toMatchObject({ online: true, paper: 'near-end', coverOpen: false });
    const entry = (await audit('devices.testPrint'))[0];
    expect(entry).toMatchObject({ subject: `tcp://127.0.0.1:${printerB.port}`, detail: null });
  });

  it('a test scan takes the next code away from the journey; a waiting test can be cancelled', async () => {
    const stepBefore = core.journey.getSnapshot().value;
    const waiting = data<Reply['devices.testQr']>({ type: 'devices.testQr' });
    // The request is in the core once the reply to a later one has come back.
    await data({ type: 'devices.list' });
    const citizen = demoCitizens[1];
    if (!citizen) throw new Error('no demo citizen 1');
    scanner.scan(demoQrText(citizen));
    const result = await waiting;
    expect(result).toMatchObject({ outcome: 'scanned', kind: 'cccd' });
    expect(core.journey.getSnapshot().value).toEqual(stepBefore);

    const cancelled = data<Reply['devices.testQr']>({ type: 'devices.testQr' });
    await data({ type: 'devices.list' });
    expect(await data({ type: 'devices.cancelTest' })).toEqual({ cancelled: 1 });
    expect(await cancelled).toEqual({ outcome: 'cancelled' });
    expect((await audit('devices.testQr')).map((e) => e.detail)).toEqual(['cancelled', null]);
  });
});
