/**
 * Issue 18: counter queue numbers against the real queue system simulator over HTTP, healthy and
 * down (refused, 500, hanging, nonsense), with the kiosk's fallback sequence in a SQLite file and
 * the technician told (warning in the log, `queue:fallback` in the health report).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { startQueueSystem, type QueueSystem } from '@kiosk/test-fixtures/queue';
import { createLogger } from '../../src/core/log/logger';
import {
  DEMO_COUNTER_GROUPS,
  HttpQueueSystem,
  LocalQueueSequence,
  QUEUE_MIGRATIONS,
  QueueNumbers,
} from '../../src/core/queue';
import { openDatabase } from '../../src/core/store/database';
import { startCoreUnderTest, type CoreUnderTest } from '../core-harness';

const GROUPS = DEMO_COUNTER_GROUPS.map((g) => g.code);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function simulator(): Promise<QueueSystem> {
  const sim = await startQueueSystem({ groups: GROUPS });
  cleanups.push(() => sim.close());
  return sim;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The production client and service, on a SQLite file, against `url`. */
function kioskNumbers(url: string, file = join(tempDir(), 'kiosk.sqlite')) {
  const lines: string[] = [];
  const db = openDatabase(file, QUEUE_MIGRATIONS);
  cleanups.push(() => {
    db.close();
  });
  const service = new QueueNumbers({
    system: new HttpQueueSystem(url, 'KIOSK-07'),
    fallback: new LocalQueueSequence(db),
    kioskNumber: () => 7,
    groups: DEMO_COUNTER_GROUPS,
    // Long enough for a loopback answer, short enough for a hanging system to end the test.
    deadline: () => AbortSignal.timeout(1_000),
    // Asked at every number, so a test sees the system come back at once.
    retryAfterMs: 0,
    logger: createLogger((line) => lines.push(line)),
  });
  const warnings = () => lines.filter((l) => l.includes('"level":"warn"'));
  return { service, lines, warnings };
}

describe('HttpQueueSystem against the simulator', () => {
  it("issues the system's numbers per counter group", async () => {
    const sim = await simulator();
    const { service, warnings } = kioskNumbers(sim.url);
    expect((await service.issue('HT')).number).toBe('HT0001');
    expect((await service.issue('HT')).number).toBe('HT0002');
    const ct = await service.issue('CT');
    expect(ct).toMatchObject({ number: 'CT0001', source: 'queue-system', waiting: 0 });
    expect(sim.issued.map((t) => [t.number, t.kiosk])).toEqual([
      ['HT0001', 'KIOSK-07'],
      ['HT0002', 'KIOSK-07'],
      ['CT0001', 'KIOSK-07'],
    ]);
    expect(warnings()).toEqual([]);
  });

  it.each([
    ['http-500', 'HTTP 500'],
    ['hang', 'no answer in time'],
    ['garbage', 'not a ticket'],
  ] as const)('%s: falls back to K7- numbers and warns the technician', async (fault, reason) => {
    const sim = await simulator();
    const { service, warnings } = kioskNumbers(sim.url);
    expect((await service.issue('HT')).number).toBe('HT0001');
    sim.fail(fault);
    const fallback = await service.issue('HT');
    expect(fallback).toMatchObject({ number: 'K7-HT001', source: 'kiosk' });
    expect((await service.issue('HT')).number).toBe('K7-HT002');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('queue.system.down');
    expect(warnings()[0]).toContain(reason);
    expect(service.state().state).toBe('fallback');
    sim.fail(null);
    expect((await service.issue('HT')).number).toBe('HT0002');
    expect(service.state().state).toBe('online');
  });

  it('a system that refuses connections: fallback, and the sequence survives a restart', async () => {
    const sim = await simulator();
    const url = sim.url;
    await sim.close();
    const file = join(tempDir(), 'kiosk.sqlite');
    const first = kioskNumbers(url, file);
    expect((await first.service.issue('CTR')).number).toBe('K7-CTR001');
    expect(first.warnings()[0]).toContain('ECONNREFUSED');
    // A new process on the same data file (a crash and restart) goes on, not back to 001.
    const second = kioskNumbers(url, file);
    expect((await second.service.issue('CTR')).number).toBe('K7-CTR002');
  });
});

describe('the core with the queue system', () => {
  async function core(url: string): Promise<CoreUnderTest> {
    const started = await startCoreUnderTest({ queue: { url, timeoutMs: 1_000 } });
    cleanups.push(async () => {
      await started.core.stop();
      rmSync(started.dataDir, { recursive: true, force: true });
    });
    return started;
  }

  async function takeNumber(c: CoreUnderTest, group: string) {
    c.core.journey.send({ type: 'OPEN_TAKE_NUMBER' });
    c.core.journey.send({ type: 'TAKE_NUMBER', group });
    const snapshot = await waitFor(c.core.journey, (s) =>
      s.matches({ journey: { takingNumber: 'issued' } }),
    );
    const issued = snapshot.context.queueTicket;
    c.core.journey.send({ type: 'FINISH' });
    return issued;
  }

  it('Lấy số thứ tự: a number from the system, printed; then the system goes down', async () => {
    const sim = await simulator();
    const c = await core(sim.url);
    expect(await takeNumber(c, 'LLTP')).toMatchObject({
      ticket: { number: 'LLTP0001', groupName: 'Lý lịch tư pháp', source: 'queue-system' },
      printed: true,
    });
    expect((await c.core.health()).queueSystem?.state).toBe('online');

    sim.fail('http-500');
    expect(await takeNumber(c, 'LLTP')).toMatchObject({
      ticket: { number: 'K1-LLTP001', source: 'kiosk' },
      printed: true,
    });
    const health = await c.core.health();
    expect(health.queueSystem?.state).toBe('fallback');
    expect(health.queueSystem?.detail).toContain('HTTP 500');
    expect(health.problems).toContain('queue:fallback');
    expect(health.recentErrors.map((e) => e.event)).toContain('queue.system.down');
  });
});
