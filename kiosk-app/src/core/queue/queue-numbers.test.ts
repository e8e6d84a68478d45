import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../log/logger';
import type { QueueSystemPort } from '../ports';
import { openDatabase } from '../store/database';
import { groupOfSector, unmappedSectors } from './counter-groups';
import { LocalQueueSequence, QUEUE_MIGRATIONS } from './local-queue-sequence';
import { DEMO_COUNTER_GROUPS } from './queue-config';
import { QueueNumbers } from './queue-numbers';
import { QueueSystemError } from './queue-system-error';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'queue-seq-'));
  dirs.push(dir);
  return join(dir, 'kiosk.sqlite');
}

const NOON = new Date('2026-12-07T12:00:00+07:00');

/** A queue system twin: answers the next number of its own, or fails as told. */
function twin() {
  let failure: QueueSystemError | undefined;
  let n = 0;
  const port: QueueSystemPort = {
    issue: async (group) => {
      if (failure) throw failure;
      n += 1;
      return { number: `${group}${String(n).padStart(4, '0')}`, group, waiting: n - 1 };
    },
  };
  return {
    port,
    down: (message = 'the queue system cannot be reached (ECONNREFUSED)') => {
      failure = new QueueSystemError('QUEUE_SYSTEM_UNAVAILABLE', message);
    },
    up: () => {
      failure = undefined;
    },
  };
}

function numbers(file: string, system?: QueueSystemPort, kioskNumber = 2) {
  const lines: string[] = [];
  let now = NOON.getTime();
  const db = openDatabase(file, QUEUE_MIGRATIONS);
  const service = new QueueNumbers({
    ...(system ? { system } : {}),
    fallback: new LocalQueueSequence(db),
    kioskNumber: () => kioskNumber,
    groups: DEMO_COUNTER_GROUPS,
    deadline: () => new AbortController().signal,
    retryAfterMs: 30_000,
    logger: createLogger((line) => lines.push(line)),
    now: () => new Date(now),
  });
  return {
    service,
    lines,
    db,
    advance: (ms: number) => {
      now += ms;
    },
    events: () => lines.map((l) => (JSON.parse(l) as { event: string }).event),
  };
}

describe('LocalQueueSequence', () => {
  it('numbers each group apart, per Vietnamese day, with the kiosk number in the prefix', () => {
    const seq = new LocalQueueSequence(openDatabase(dbFile(), QUEUE_MIGRATIONS));
    expect(seq.next('HT', 3, NOON)).toBe('K3-HT001');
    expect(seq.next('HT', 3, NOON)).toBe('K3-HT002');
    expect(seq.next('CT', 3, NOON)).toBe('K3-CT001');
    // 00:30 in Vietnam is still the previous day in UTC: a new day all the same.
    expect(seq.next('HT', 3, new Date('2026-12-08T00:30:00+07:00'))).toBe('K3-HT001');
  });

  it('continues after the process dies instead of restarting at 1', () => {
    const file = dbFile();
    const first = openDatabase(file, QUEUE_MIGRATIONS);
    const seq = new LocalQueueSequence(first);
    seq.next('HT', 1, NOON);
    seq.next('HT', 1, NOON);
    first.close();
    expect(new LocalQueueSequence(openDatabase(file, QUEUE_MIGRATIONS)).next('HT', 1, NOON)).toBe(
      'K1-HT003',
    );
  });
});

describe('QueueNumbers', () => {
  it("gives the queue system's number while it answers", async () => {
    const system = twin();
    const { service } = numbers(dbFile(), system.port);
    const ticket = await service.issue('HT');
    expect(ticket).toMatchObject({
      number: 'HT0001',
      group: 'HT',
      groupName: 'Hộ tịch',
      counters: 'Quầy 1, 2',
      source: 'queue-system',
      waiting: 0,
      issuedAt: '2026-12-07T12:00:00+07:00',
    });
    expect(service.state().state).toBe('online');
  });

  it('falls back to the kiosk sequence when the system is down, and tells the technician once', async () => {
    const system = twin();
    const { service, lines, events, advance } = numbers(dbFile(), system.port);
    await service.issue('HT');
    system.down();
    const a = await service.issue('HT');
    const b = await service.issue('HT');
    expect([a.number, b.number]).toEqual(['K2-HT001', 'K2-HT002']);
    expect(a.source).toBe('kiosk');
    expect(events().filter((e) => e === 'queue.system.down')).toHaveLength(1);
    const warning = lines.find((l) => l.includes('queue.system.down')) ?? '';
    expect(warning).toContain('"level":"warn"');
    expect(warning).toContain('ECONNREFUSED');
    expect(warning).toContain('K2-');
    expect(service.state()).toMatchObject({
      state: 'fallback',
      since: '2026-12-07T12:00:00+07:00',
    });
    system.up();
    // Within the rest after a failure the citizen is not kept waiting on the system.
    advance(29_000);
    expect((await service.issue('HT')).number).toBe('K2-HT003');
    advance(1_000);
    expect((await service.issue('HT')).number).toBe('HT0002');
    expect(service.state().state).toBe('online');
    expect(events()).toContain('queue.system.back');
  });

  it('treats a nonsense reply like a system that is down', async () => {
    const { service } = numbers(dbFile(), {
      issue: async () => {
        throw new QueueSystemError('QUEUE_SYSTEM_REPLY_INVALID', 'the reply is not a ticket');
      },
    });
    expect((await service.issue('CT')).number).toBe('K2-CT001');
    expect(service.state().detail).toContain('the reply is not a ticket');
  });

  it('numbers alone, without warnings, where the centre has no queue system', async () => {
    const { service, events } = numbers(dbFile());
    expect((await service.issue('KD')).number).toBe('K2-KD001');
    expect(service.state().state).toBe('local-only');
    expect(events()).not.toContain('queue.system.down');
  });

  it('refuses a group the centre does not have', async () => {
    const { service } = numbers(dbFile());
    await expect(service.issue('ZZ')).rejects.toThrow(RangeError);
  });
});

describe('counter groups', () => {
  it('sends a field to the group that lists it, and an unlisted field to the first group', () => {
    expect(groupOfSector(DEMO_COUNTER_GROUPS, 'Chứng thực').code).toBe('CT');
    expect(groupOfSector(DEMO_COUNTER_GROUPS, 'Xúc tiến thương mại').code).toBe('KD');
    expect(groupOfSector(DEMO_COUNTER_GROUPS, 'Đất đai').code).toBe('HT');
    expect(unmappedSectors(DEMO_COUNTER_GROUPS, ['Hộ tịch', 'Đất đai', 'Đất đai'])).toEqual([
      'Đất đai',
    ]);
  });
});
