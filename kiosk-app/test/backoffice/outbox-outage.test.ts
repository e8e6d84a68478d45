import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { DossierCodeAllocator, blockOfKiosk } from '../../src/core/dossier-code';
import { Outbox, OutboxWorker, OUTBOX_MIGRATIONS } from '../../src/core/outbox';
import { gatewayClient, TEST_RESILIENCE } from './clients';
import { draftFor, tempDir } from './fixtures';

let portal: PortalSimulator;
let db: KioskDatabase;
let tmp: ReturnType<typeof tempDir>;
let client: ReturnType<typeof gatewayClient>;
const clock = { now: Date.parse('2026-03-10T02:00:00Z') };

beforeEach(async () => {
  tmp = tempDir('outbox-outage-');
  portal = await startPortalSimulator({ dbFile: tmp.file('portal.db') });
  db = openDatabase(tmp.file('kiosk.db'), OUTBOX_MIGRATIONS);
  client = gatewayClient(portal.url, { ...TEST_RESILIENCE, maxAttempts: 1 });
});
afterEach(async () => {
  await client.http.close();
  await portal.close();
  db.close();
  tmp.remove();
});

function kiosk() {
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => clock.now,
  );
  const worker = new OutboxWorker(outbox, client.gateway, {
    backoff: { initialMs: 1_000, maxMs: 60_000 },
    random: () => 1,
  });
  return { outbox, worker };
}

function expectExactlyOnce(n: number): void {
  expect(portal.counts()).toMatchObject({ dossiers: n, distinctCodes: n });
  expect(portal.duplicateCodes()).toEqual([]);
}

describe('outbox against the portal simulator', () => {
  it('keeps dossiers while the gateway is down for hours and delivers each exactly once after', async () => {
    const { outbox, worker } = kiosk();
    portal.setMode({ kind: 'fail' });
    const codes = Array.from({ length: 120 }, (_, i) => outbox.enqueue(draftFor(i)).code);
    for (let hour = 0; hour < 5; hour += 1) {
      await worker.drainOnce();
      clock.now += 3_600_000;
    }
    expect(outbox.counts()).toMatchObject({ queued: 120, sent: 0 });
    expect(portal.counts().dossiers).toBe(0);
    portal.setMode({ kind: 'normal' });
    await worker.drainOnce();
    expect(outbox.counts()).toMatchObject({ queued: 0, sending: 0, sent: 120 });
    expectExactlyOnce(120);
    expect(portal.codes()).toEqual([...codes].sort());
  });

  it('survives lost acknowledgements: resends with the same key, the portal keeps one copy', async () => {
    const { outbox, worker } = kiosk();
    for (let i = 0; i < 20; i += 1) outbox.enqueue(draftFor(i));
    portal.setMode({ kind: 'commit-then-fail' });
    await worker.drainOnce();
    expect(portal.counts().dossiers).toBeGreaterThan(0);
    expect(outbox.counts().sent).toBe(0);
    portal.setMode({ kind: 'normal' });
    for (let i = 0; i < 5 && outbox.counts().sent < 20; i += 1) {
      clock.now += 60_000;
      await worker.drainOnce();
    }
    expect(outbox.counts().sent).toBe(20);
    expectExactlyOnce(20);
  });

  it('ignores duplicate acknowledgements of a dossier already recorded as sent', async () => {
    const { outbox, worker } = kiosk();
    const a = outbox.enqueue(draftFor(1));
    await worker.drainOnce();
    const sentAt = outbox.get(a.code)?.sentAt;
    const again = await client.gateway.submit({ ...draftFor(1), code: a.code }, a.idempotencyKey);
    expect(again).toMatchObject({ kind: 'accepted', duplicate: true });
    expect(outbox.markSent(a, 'processing')).toBe(false);
    expect(outbox.get(a.code)).toMatchObject({ state: 'sent', sentAt, gatewayStatus: 'received' });
    expectExactlyOnce(1);
  });

  it('delivers exactly once across clock changes (forward and back)', async () => {
    const { outbox, worker } = kiosk();
    portal.setMode({ kind: 'fail' });
    for (let i = 0; i < 30; i += 1) outbox.enqueue(draftFor(i));
    await worker.drainOnce();
    clock.now += 7 * 24 * 3_600_000; // a week forward
    for (let i = 30; i < 40; i += 1) outbox.enqueue(draftFor(i));
    await worker.drainOnce();
    clock.now -= 14 * 24 * 3_600_000; // two weeks back
    portal.setMode({ kind: 'normal' });
    for (let i = 40; i < 50; i += 1) outbox.enqueue(draftFor(i));
    await worker.drainOnce();
    expect(outbox.counts()).toMatchObject({ sent: 50, queued: 0 });
    expectExactlyOnce(50);
  });
});
