/**
 * Issue 18, SMS status tracking: the portal simulator's SMPP client (the `smpp` package) against
 * the SMSC simulator (our own SMPP v3.4 server), both real TCP servers on 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PORTAL_DOSSIER_PATH,
  startPortalSimulator,
  type PortalSimulator,
  type PortalSimulatorOptions,
} from '../src/portal';
import type { SmsSendError } from '../src/portal/sms';
import {
  COMMAND_STATUS,
  DEFAULT_SMSC_PASSWORD,
  DEFAULT_SMSC_SYSTEM_ID,
  SMSC_MESSAGES_PATH,
  startSmscSimulator,
  type SmscSimulator,
} from '../src/smsc';

const SHORT_CODE = '8088';
const PHONE = '84912345678';

let portal: PortalSimulator | undefined;
let smsc: SmscSimulator | undefined;
afterEach(async () => {
  await portal?.close();
  await smsc?.close();
  portal = undefined;
  smsc = undefined;
});

/** Starts the portal sending to `port`; resolves `failures` with each failed SMPP attempt. */
async function startPortal(
  port: number,
  extra: Partial<PortalSimulatorOptions> = {},
): Promise<{ portal: PortalSimulator; nextFailure: () => Promise<SmsSendError> }> {
  const waiting: ((e: SmsSendError) => void)[] = [];
  const sim = await startPortalSimulator({
    ...extra,
    sms: {
      account: {
        url: `smpp://127.0.0.1:${port}`,
        systemId: DEFAULT_SMSC_SYSTEM_ID,
        password: DEFAULT_SMSC_PASSWORD,
      },
      shortCode: SHORT_CODE,
      retryMs: 50,
      sweepMs: 20,
      onFailure: (e) => waiting.splice(0).forEach((w) => w(e)),
    },
  });
  portal = sim;
  return { portal: sim, nextFailure: () => new Promise((resolve) => waiting.push(resolve)) };
}

async function submit(sim: PortalSimulator, code: string, consent: boolean | undefined) {
  const res = await fetch(new URL(PORTAL_DOSSIER_PATH, sim.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${code}` },
    body: JSON.stringify({
      MaHoSo: code,
      MaThuTuc: '1.004222',
      ChuHoSo: { fullName: 'NGƯỜI THỬ NGHIỆM' },
      HinhThucTiepNhan: 'TRUC_TIEP',
      ...(consent === undefined ? {} : { DangKySms: { DongY: consent, SoDienThoai: PHONE } }),
    }),
  });
  expect(res.status).toBe(201);
}

async function officer(sim: PortalSimulator, code: string, verb: 'tiep-nhan' | 'tu-choi') {
  const res = await fetch(new URL(`can-bo/ho-so/${code}/${verb}`, sim.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ CanBo: 'Cán bộ Mẫu', LyDo: 'Thiếu giấy tờ' }),
  });
  return res.status;
}

/** What the SMSC recorded, read over its HTTP endpoint as the e2e test reads it. */
async function recorded(s: SmscSimulator) {
  const res = await fetch(new URL(SMSC_MESSAGES_PATH, s.httpUrl));
  return (
    (await res.json()) as { messages: { destination: string; text: string; source: string }[] }
  ).messages;
}

describe('status SMS over SMPP', () => {
  it('an accepted dossier with consent gives one message with its code and new status', async () => {
    smsc = await startSmscSimulator();
    const { portal: sim } = await startPortal(smsc.port);
    await submit(sim, 'H01-261207-0001', true);
    expect(await officer(sim, 'H01-261207-0001', 'tiep-nhan')).toBe(200);
    // A second click and the same status reported again change nothing.
    expect(await officer(sim, 'H01-261207-0001', 'tiep-nhan')).toBe(409);
    sim.setStatus('H01-261207-0001', 'received');
    sim.setStatus('H01-261207-0001', 'done');
    await sim.waitForSmsSent(2);
    const messages = smsc.messages();
    expect(messages.map((m) => [m.source, m.destination, m.dataCoding, m.text])).toEqual([
      [SHORT_CODE, PHONE, 0, 'Ho so H01-261207-0001 da duoc tiep nhan. Tra cuu bang ma ho so.'],
      [
        SHORT_CODE,
        PHONE,
        0,
        'Ho so H01-261207-0001 da co ket qua, moi ong/ba den nhan theo phieu hen. Tra cuu bang ma ho so.',
      ],
    ]);
    expect(sim.smsCounts()).toMatchObject({ subscriptions: 1, queued: 0, sent: 2 });
    expect(await recorded(smsc)).toHaveLength(2);
    expect(smsc.binds()[0]).toEqual({
      systemId: DEFAULT_SMSC_SYSTEM_ID,
      interfaceVersion: 0x34,
      status: COMMAND_STATUS.ESME_ROK,
    });
  });

  it('texts the statuses a dossier reaches with time, each once', async () => {
    smsc = await startSmscSimulator();
    let clock = Date.parse('2026-12-07T02:00:00Z');
    const { portal: sim } = await startPortal(smsc.port, {
      now: () => clock,
      statusStepMs: 60_000,
    });
    await submit(sim, 'H01-261207-0007', true);
    expect(await officer(sim, 'H01-261207-0007', 'tiep-nhan')).toBe(200);
    await sim.waitForSmsSent(1);
    clock += 60_000; // one step after the acceptance: in processing
    await sim.waitForSmsSent(2);
    clock += 60_000; // two steps: the outcome this code always ends with
    await sim.waitForSmsSent(3);
    const texts = smsc.messages().map((m) => m.text);
    expect(texts[0]).toContain('da duoc tiep nhan');
    expect(texts[1]).toContain('dang duoc giai quyet');
    expect(texts[2]).toMatch(/da co ket qua|can bo sung giay to|bi tra lai/);
    expect(texts).toHaveLength(3);
  });

  it('sends nothing for a dossier without consent; a refusal reaches a subscriber', async () => {
    smsc = await startSmscSimulator();
    const { portal: sim } = await startPortal(smsc.port);
    await submit(sim, 'H01-261207-0002', undefined);
    await submit(sim, 'H01-261207-0003', false);
    await submit(sim, 'H01-261207-0004', true);
    expect(await officer(sim, 'H01-261207-0002', 'tiep-nhan')).toBe(200);
    expect(await officer(sim, 'H01-261207-0003', 'tiep-nhan')).toBe(200);
    expect(await officer(sim, 'H01-261207-0004', 'tu-choi')).toBe(200);
    // The queue is sent in order: a message for 0002 or 0003 would come before 0004's.
    await sim.waitForSmsSent(1);
    const [first] = smsc.messages();
    expect(first?.text).toContain('H01-261207-0004 khong duoc tiep nhan');
    expect(sim.smsCounts()).toMatchObject({ subscriptions: 1, queued: 0, sent: 1 });
    expect(await recorded(smsc)).toHaveLength(1);
  });

  it('a wrong password keeps the message queued, then delivers it once', async () => {
    smsc = await startSmscSimulator({ password: 'rotated' });
    const { portal: sim, nextFailure } = await startPortal(smsc.port);
    await submit(sim, 'H01-261207-0005', true);
    const failed = nextFailure();
    expect(await officer(sim, 'H01-261207-0005', 'tiep-nhan')).toBe(200);
    expect((await failed).code).toBe('SMSC_BIND_REFUSED');
    expect(smsc.binds().at(-1)?.status).toBe(COMMAND_STATUS.ESME_RINVPASWD);
    expect(sim.smsCounts()).toMatchObject({ queued: 1, sent: 0 });
    expect(sim.smsCounts().lastError).toContain('SMSC_BIND_REFUSED');
    expect(smsc.messages()).toHaveLength(0);

    smsc.setPassword(DEFAULT_SMSC_PASSWORD);
    await sim.waitForSmsSent(1);
    const [message] = smsc.messages();
    expect(message?.text).toContain('H01-261207-0005 da duoc tiep nhan');
    expect(sim.smsCounts()).toMatchObject({ queued: 0, sent: 1 });
    expect(smsc.messages()).toHaveLength(1);
  });

  it('an SMSC that is down, and a portal restarted meanwhile, lose nothing', async () => {
    // Take a free port, then leave it closed: the SMSC is down.
    const probe = await startSmscSimulator();
    const port = probe.port;
    await probe.close();
    const dbFile = join(mkdtempSync(join(tmpdir(), 'portal-sms-')), 'portal.sqlite');
    const first = await startPortal(port, { dbFile });
    await submit(first.portal, 'H01-261207-0006', true);
    const failed = first.nextFailure();
    expect(await officer(first.portal, 'H01-261207-0006', 'tiep-nhan')).toBe(200);
    expect((await failed).code).toBe('SMSC_UNREACHABLE');
    expect(first.portal.smsCounts()).toMatchObject({ queued: 1, sent: 0 });
    await first.portal.close();
    portal = undefined;

    smsc = await startSmscSimulator({ port });
    const second = await startPortal(port, { dbFile });
    await second.portal.waitForSmsSent(1);
    const [message] = smsc.messages();
    expect(message?.text).toContain('H01-261207-0006 da duoc tiep nhan');
    expect(message?.destination).toBe(PHONE);
    expect(second.portal.smsCounts()).toMatchObject({ queued: 0, sent: 1 });
    expect(smsc.messages()).toHaveLength(1);
  });
});
