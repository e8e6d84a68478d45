/**
 * Monitoring and support over the real core (demo stand-ins, WebSocket API): the health report
 * shows real device, printer, outbox and link state after a citizen's journey; the support log
 * export holds none of that citizen's personal data and is audited; `kiosk health --json` and
 * `kiosk logs export` reach the running core through its endpoint file.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, HealthView, LogExportView } from '@kiosk/protocol';
import { CliError } from '../../src/cli/cli-error';
import { EXIT_UNHEALTHY, showHealth } from '../../src/cli/commands/health';
import { exportLogs } from '../../src/cli/commands/logs';
import type { Output } from '../../src/cli/output';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';
import { leaks, personalValuesOf } from '../privacy/privacy-harness';
import { citizenJourney, demoCitizen, typedBy } from './support-journey';

const USER = 'kythuat';
const PIN = '246810';
/** The API's WebSocket frame limit (api-server.ts). */
const FRAME_LIMIT = 64 * 1024;

let env: CoreUnderTest;
let pinFile: string;

beforeAll(async () => {
  env = await startCoreUnderTest();
  await env.core.accounts.create(USER, 'technician', PIN);
  pinFile = join(mkdtempSync(join(tmpdir(), 'kiosk-pin-')), 'pin');
  writeFileSync(pinFile, PIN, { mode: 0o600 });
});

afterAll(async () => {
  await env?.core.stop();
});

async function technician(): Promise<TestClient> {
  const client = await TestClient.connect(env.core);
  const reply = await client.request({
    type: 'auth.signIn',
    role: 'technician',
    user: USER,
    pin: PIN,
  });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return client;
}

async function health(client: TestClient): Promise<HealthView> {
  const reply = await client.request({ type: 'health' });
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data as HealthView;
}

/** All pages of the export, checking each reply fits a WebSocket frame. */
async function exportAll(client: TestClient): Promise<{ text: string; pages: number }> {
  let text = '';
  let from: number | undefined;
  for (let pages = 1; pages < 100; pages += 1) {
    const reply = await client.request(
      from === undefined ? { type: 'logs.export' } : { type: 'logs.export', from },
    );
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    expect(Buffer.byteLength(JSON.stringify(reply))).toBeLessThan(FRAME_LIMIT);
    const page = reply.data as LogExportView;
    text += page.text;
    if (page.next === undefined) return { text, pages };
    from = page.next;
  }
  throw new Error('the export did not end');
}

function capture(): Output & { lines: string[]; docs: unknown[] } {
  const lines: string[] = [];
  const docs: unknown[] = [];
  return { lines, docs, line: (t) => lines.push(t), json: (v) => docs.push(v) };
}

describe('health', () => {
  it('reports real devices, printer, outbox and links, before and after a journey', async () => {
    const client = await technician();
    const before = await health(client);
    expect(before).toMatchObject({
      kioskId: 'KIOSK-01',
      outbox: { queued: 0, sending: 0, sent: 0, failed: 0 },
      links: { registry: { okCount: 0, errorCount: 0 }, portal: { okCount: 0, errorCount: 0 } },
      printer: { status: 'ok', paper: 'ok' },
      journey: 'idle',
      healthy: true,
      problems: [],
    });
    expect(before.devices.length).toBeGreaterThan(0);
    expect(before.diskFreeBytes).toBeGreaterThan(0);
    expect(Date.parse(before.at)).not.toBeNaN();

    const receipt = await citizenJourney(env.core, 0);
    // The outbox worker delivers the dossier to the (demo) portal in the background.
    await expect.poll(async () => (await health(client)).outbox.sent, { timeout: 15_000 }).toBe(1);
    const after = await health(client);
    expect(after.links.registry.okCount).toBe(1);
    expect(after.links.registry.lastOkAt).toBeDefined();
    expect(after.links.portal.okCount).toBeGreaterThanOrEqual(1);
    expect(after.outbox.oldestQueuedAt).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain(demoCitizen(0).personalId);
    expect(receipt.dossierCode).toMatch(/^H01-\d{6}-1\d{3}$/);
    client.close();
  });

  it('shows paper out as a problem, and lists recent warnings', async () => {
    const client = await technician();
    const citizen = await TestClient.connect(env.core);
    // A citizen asking for a technician's power is refused and logged as a warning.
    expect(await citizen.request({ type: 'logs.export' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    citizen.close();
    env.ports.printerStandIn.paperOut = true;
    try {
      const report = await health(client);
      expect(report.printer).toEqual({ status: 'out', paper: 'out' });
      expect(report.healthy).toBe(false);
      expect(report.problems).toContain('printer:out');
      expect(report.recentErrors.map((e) => e.event)).toContain('api.forbidden');
    } finally {
      env.ports.printerStandIn.paperOut = false;
    }
    client.close();
  });
});

describe('support log export', () => {
  it("holds the journey's events but none of the citizen's personal data, and is audited", async () => {
    await citizenJourney(env.core, 1);
    const client = await technician();
    const { text } = await exportAll(client);
    const lines = text.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(text).toContain('"event":"dossier.received"');
    const { phone, detail } = typedBy(1);
    expect(leaks(lines, personalValuesOf(demoCitizen(1), [phone, detail]))).toEqual([]);
    const first = typedBy(0);
    expect(leaks(lines, personalValuesOf(demoCitizen(0), [first.phone, first.detail]))).toEqual([]);

    const audit = await client.request({ type: 'audit.recent', limit: 20 });
    const entries = (audit.ok ? audit.data : []) as AuditEntryView[];
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: `technician:${USER}`, action: 'logs.export' }),
    );
    client.close();
  });
});

describe('command line against the running core', () => {
  it('`kiosk health --json` prints the report from the API; unhealthy exits 4', async () => {
    const out = capture();
    await showHealth({ user: USER, pinFile, dataDir: env.dataDir, json: true }, out);
    expect(out.docs[0]).toMatchObject({
      via: 'api',
      kioskId: 'KIOSK-01',
      healthy: true,
      outbox: { sent: 2 },
      printer: { paper: 'ok' },
    });

    env.ports.printerStandIn.paperOut = true;
    try {
      const unhealthy = capture();
      const refused = showHealth(
        { user: USER, pinFile, dataDir: env.dataDir, json: true },
        unhealthy,
      );
      await expect(refused).rejects.toBeInstanceOf(CliError);
      await expect(refused).rejects.toMatchObject({ exitCode: EXIT_UNHEALTHY });
      expect(unhealthy.docs[0]).toMatchObject({ healthy: false, problems: ['printer:out'] });
    } finally {
      env.ports.printerStandIn.paperOut = false;
    }
  });

  it('`kiosk logs export --out FILE` writes the redacted lines, readable by the owner only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-logs-')), 'kiosk.jsonl');
    const out = capture();
    await exportLogs({ user: USER, pinFile, dataDir: env.dataDir, out: file }, out);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(out.lines[0]).toBe(`wrote ${lines.length} log lines to ${file}`);
    expect(lines.some((l) => l.includes('"event":"journey.step"'))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(leaks(lines, personalValuesOf(demoCitizen(1)))).toEqual([]);
  });

  it('refuses without credentials', async () => {
    await expect(showHealth({ dataDir: env.dataDir, json: true }, capture())).rejects.toMatchObject(
      {
        exitCode: 3,
      },
    );
  });
});
