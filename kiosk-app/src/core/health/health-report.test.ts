import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrinterCheck } from '../flow/journey-services';
import { LogRing } from '../log/log-ring';
import { createLogger } from '../log/logger';
import type { ReceiptPrinterPort } from '../ports';
import { healthReport } from './health-report';
import { LinkMonitor } from './link-monitor';
import { checkPrinterHealth, printerHealthOf } from './printer-health';

const printerAnswering = (check: PrinterCheck | (() => Promise<PrinterCheck>)) =>
  ({
    check: typeof check === 'function' ? check : async () => check,
    print: async () => undefined,
    printTicket: async () => undefined,
  }) satisfies ReceiptPrinterPort;

function sources(overrides: Partial<Parameters<typeof healthReport>[0]> = {}) {
  const ring = new LogRing();
  const logger = createLogger((line) => ring.push(line));
  logger.info('core.ready', { port: 1 });
  logger.warn('registry.lookup.failed', { reason: 'timeout' });
  return {
    kioskId: 'KIOSK-07',
    dataDir: mkdtempSync(join(tmpdir(), 'health-')),
    devices: () => [
      { id: 'r1', role: 'cardReader', kind: 'cardReader' as const, status: 'online' },
    ],
    outboxCounts: () => ({ queued: 2, sending: 0, sent: 5, failed: 0 }),
    oldestQueuedAt: () => '2026-03-10T01:00:00.000Z',
    links: new LinkMonitor(),
    printer: printerAnswering({ ready: true }),
    journeyStep: () => 'idle',
    recentProblems: (limit: number) => ring.recentProblems(limit),
    ...overrides,
  };
}

describe('printer health', () => {
  it('maps the check onto status and paper', () => {
    expect(printerHealthOf({ ready: true })).toEqual({ status: 'ok', paper: 'ok' });
    expect(printerHealthOf({ ready: false, error: { code: 'PRINTER_PAPER_OUT' } })).toEqual({
      status: 'out',
      paper: 'out',
    });
    expect(
      printerHealthOf({ ready: false, error: { code: 'PRINTER_UNAVAILABLE', detail: 'offline' } }),
    ).toMatchObject({ status: 'offline', paper: 'unknown' });
    expect(
      printerHealthOf({
        ready: false,
        error: { code: 'PRINTER_UNAVAILABLE', detail: 'cover open' },
      }),
    ).toMatchObject({ status: 'error', detail: 'cover open' });
    // A port whose check reports the paper sensor (near end is still printable).
    const nearEnd: PrinterCheck = { ready: true, paper: 'near-end' };
    expect(printerHealthOf(nearEnd)).toEqual({ status: 'near-end', paper: 'near-end' });
  });

  it('a printer that never answers is offline once the wait is over', async () => {
    const silent = printerAnswering(() => new Promise<PrinterCheck>(() => undefined));
    expect(await checkPrinterHealth(silent, 5)).toEqual({
      status: 'offline',
      paper: 'unknown',
      detail: 'no answer',
    });
  });
});

describe('healthReport', () => {
  it('reports every part, healthy when nothing is wrong', async () => {
    const report = await healthReport(sources());
    expect(report).toMatchObject({
      kioskId: 'KIOSK-07',
      healthy: true,
      problems: [],
      outbox: { queued: 2, sent: 5, oldestQueuedAt: '2026-03-10T01:00:00.000Z' },
      links: { registry: { okCount: 0 }, portal: { okCount: 0 } },
      printer: { status: 'ok', paper: 'ok' },
      journey: 'idle',
    });
    expect(report.diskFreeBytes).toBeGreaterThan(0);
    expect(report.recentErrors).toEqual([
      expect.objectContaining({ level: 'warn', event: 'registry.lookup.failed' }),
    ]);
  });

  it('lists what is wrong: paper out, a failing link, failed dossiers, a device offline', async () => {
    const links = new LinkMonitor();
    links.ok('portal');
    links.failed('portal', 'timeout');
    links.failed('registry', 'network');
    links.ok('registry');
    const report = await healthReport(
      sources({
        links,
        printer: printerAnswering({ ready: false, error: { code: 'PRINTER_PAPER_OUT' } }),
        outboxCounts: () => ({ queued: 0, sending: 0, sent: 0, failed: 1 }),
        devices: () => [{ id: 'r1', role: 'cardReader', kind: 'cardReader', status: 'offline' }],
      }),
    );
    expect(report.healthy).toBe(false);
    expect(report.problems).toEqual([
      'device:r1:offline',
      'printer:out',
      'portal:failing',
      'outbox:failed',
    ]);
  });
});

describe('the trust store in the health report', () => {
  it('is a problem when it trusts no CSCA, and is reported with its first expiry', async () => {
    const empty = await healthReport(
      sources({ trust: async () => ({ cscaCount: 0, expired: 1 }) }),
    );
    expect(empty.healthy).toBe(false);
    expect(empty.problems).toContain('trust:empty');
    const trusted = await healthReport(
      sources({
        trust: async () => ({ cscaCount: 3, expired: 0, firstExpiry: '2031-01-01T00:00:00.000Z' }),
      }),
    );
    expect(trusted.problems).not.toContain('trust:empty');
    expect(trusted.trust).toEqual({
      cscaCount: 3,
      expired: 0,
      firstExpiry: '2031-01-01T00:00:00.000Z',
    });
  });
});

describe('spoken prompts in the health report', () => {
  it('says why they are unavailable, without making the kiosk unhealthy', async () => {
    const reason = 'espeak-ng is not installed (Debian: apt-get install espeak-ng)';
    const missing = await healthReport(
      sources({ speech: async () => ({ available: false, reason }) }),
    );
    expect(missing.speech).toEqual({ available: false, reason });
    expect(missing.problems).toEqual([]);
    const ready = await healthReport(
      sources({ speech: async () => ({ available: true, engine: 'espeak-ng -v vi' }) }),
    );
    expect(ready.speech).toEqual({ available: true });
  });
});
