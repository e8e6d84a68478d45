import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import { openDatabase } from '../../src/core/store/database';
import { DossierCodeAllocator, blockOfKiosk } from '../../src/core/dossier-code';
import { Outbox, OUTBOX_MIGRATIONS } from '../../src/core/outbox';
import { tempDir } from './fixtures';

const CHILD = fileURLToPath(new URL('./outbox-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  /** Resolves with the first stdout event of that name. */
  event(name: string): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startChild(...args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: Record<string, unknown>[] = [];
  const waiters: { name: string; resolve: (e: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const e = JSON.parse(line) as Record<string, unknown>;
    events.push(e);
    for (const w of waiters.filter((w) => w.name === e.event)) w.resolve(e);
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return {
    process: child,
    exited,
    event: (name) => {
      const seen = events.find((e) => e.event === name);
      return seen
        ? Promise.resolve(seen)
        : new Promise((resolve) => waiters.push({ name, resolve }));
    },
  };
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  expect((await child.exited).signal).toBe('SIGKILL');
}

let portal: PortalSimulator;
let tmp: ReturnType<typeof tempDir>;
const N = 60;

beforeEach(async () => {
  tmp = tempDir('outbox-crash-');
  portal = await startPortalSimulator({ dbFile: tmp.file('portal.db') });
});
afterEach(async () => {
  await portal.close();
  tmp.remove();
});

function kioskState(file: string) {
  const db = openDatabase(file, OUTBOX_MIGRATIONS);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
  );
  const state = {
    counts: outbox.counts(),
    codes: outbox
      .list()
      .map((e) => e.code)
      .sort(),
  };
  db.close();
  return state;
}

function expectExactlyOnce(kioskDb: string): void {
  const state = kioskState(kioskDb);
  expect(state.counts).toEqual({ queued: 0, sending: 0, sent: N, failed: 0 });
  expect(portal.counts()).toMatchObject({ dossiers: N, distinctCodes: N });
  expect(portal.duplicateCodes()).toEqual([]);
  expect(portal.codes()).toEqual(state.codes);
}

describe('outbox worker killed with SIGKILL', () => {
  it('between write and send: the restarted kiosk sends every dossier exactly once', async () => {
    const db = tmp.file('kiosk.db');
    const writer = startChild('enqueue-and-die', db, String(N));
    expect(await writer.event('enqueued')).toMatchObject({ queued: N });
    expect((await writer.exited).signal).toBe('SIGKILL');
    expect(portal.counts().submissions).toBe(0);

    const worker = startChild('work', db, portal.url);
    await worker.event('drained');
    expect((await worker.exited).code).toBe(0);
    expectExactlyOnce(db);
  });

  it('during send, after the portal stored the dossier but before the acknowledgement', async () => {
    const db = tmp.file('kiosk.db');
    await startChild('enqueue-and-die', db, String(N)).exited;
    portal.setMode({ kind: 'commit-then-stall' });
    const first = startChild('work', db, portal.url);
    await portal.waitForDossiers(1);
    await kill(first);
    portal.setMode({ kind: 'normal' });
    expect(kioskState(db).counts.sending).toBeGreaterThan(0);

    const second = startChild('work', db, portal.url);
    await second.event('drained');
    expect((await second.exited).code).toBe(0);
    expectExactlyOnce(db);
    expect(portal.counts().submissions).toBeGreaterThan(N); // resends happened and were deduplicated
  });

  it('during send, before the portal stored anything, repeatedly', async () => {
    const db = tmp.file('kiosk.db');
    await startChild('enqueue-and-die', db, String(N)).exited;
    portal.setMode({ kind: 'stall' });
    for (let round = 0; round < 2; round += 1) {
      const child = startChild('work', db, portal.url);
      await portal.nextSubmission();
      await kill(child);
    }
    expect(portal.counts().dossiers).toBe(0);
    portal.setMode({ kind: 'normal' });
    const last = startChild('work', db, portal.url);
    await last.event('drained');
    expectExactlyOnce(db);
  });

  it('three kiosk processes enqueueing at once on one database never share a code', async () => {
    const db = tmp.file('kiosk.db');
    kioskState(db); // create the schema first: concurrent first-time migrations are the store's concern
    const writers = [0, 1, 2].map(() => startChild('enqueue-and-die', db, '100'));
    await Promise.all(writers.map((w) => w.exited));
    const state = kioskState(db);
    expect(state.counts.queued).toBe(300);
    expect(new Set(state.codes).size).toBe(300);
  });
});
