/**
 * Back-office links: registry lookup latency through the real client (OAuth2, resilience
 * policies, zod validation) against the registry simulator, and how long the outbox takes to
 * drain 10,000 dossiers queued during a gateway outage, counting duplicates at the portal.
 */
import type { BenchModule } from '../../scripts/bench';
import { median, percentile, round } from '../../scripts/stats';
import { startRegistrySimulator } from '@kiosk/test-fixtures/registry';
import { startPortalSimulator } from '@kiosk/test-fixtures/portal';
import {
  createResilience,
  DEFAULT_RESILIENCE,
  HttpDossierGateway,
  HttpPopulationRegistry,
  JsonHttpClient,
} from '../src/core/links';
import { openDatabase } from '../src/core/store/database';
import { DossierCodeAllocator } from '../src/core/dossier-code';
import { Outbox, OutboxWorker, OUTBOX_MIGRATIONS } from '../src/core/outbox';
import { draftFor, tempDir } from '../test/backoffice/fixtures';

const LOOKUPS = 500;
const QUEUED = 10_000;

async function registryLatency(): Promise<Record<string, unknown>> {
  const sim = await startRegistrySimulator();
  const http = new JsonHttpClient(
    {
      baseUrl: sim.url,
      auth: {
        kind: 'oauth2',
        tokenUrl: sim.tokenUrl,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
      },
    },
    createResilience(DEFAULT_RESILIENCE),
  );
  const registry = new HttpPopulationRegistry({
    client: http,
    codes: { maTichHop: 'TH', maDVC: '1.004222', maCanBo: 'CB' },
  });
  const samples: number[] = [];
  let found = 0;
  try {
    for (let i = 0; i < LOOKUPS + 20; i += 1) {
      const c = sim.citizens[i % sim.citizens.length];
      if (!c) continue;
      const start = performance.now();
      const result = await registry.lookup({
        personalId: c.personalId,
        fullName: c.fullName,
        dateOfBirth: c.dateOfBirth,
      });
      if (i >= 20) {
        samples.push(performance.now() - start);
        if (result.kind === 'found') found += 1;
      }
    }
  } finally {
    await http.close();
    await sim.close();
  }
  return {
    lookups: samples.length,
    found,
    medianMs: round(median(samples), 2),
    p95Ms: round(percentile(samples, 95), 2),
  };
}

async function outboxDrain(): Promise<Record<string, unknown>> {
  const tmp = tempDir('bench-outbox-');
  const portal = await startPortalSimulator({ dbFile: tmp.file('portal.db') });
  const db = openDatabase(tmp.file('kiosk.db'), OUTBOX_MIGRATIONS);
  const clock = { now: Date.parse('2026-03-10T02:00:00Z') };
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: { first: 0, last: 9999 } }),
    () => clock.now,
  );
  const client = (): JsonHttpClient =>
    new JsonHttpClient(
      { baseUrl: portal.url },
      createResilience({ ...DEFAULT_RESILIENCE, maxAttempts: 1 }),
    );
  const outageHttp = client();
  // A fresh client for the recovery: the outage opened the first client's circuit breaker, which
  // would add its half-open delay (30 s by default) to the figure.
  const http = client();
  const worker = new OutboxWorker(outbox, new HttpDossierGateway(http));
  try {
    const single: number[] = [];
    const drafts = Array.from({ length: QUEUED }, (_, i) => draftFor(i % 500));
    portal.setMode({ kind: 'fail' });
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      outbox.enqueue(drafts[i] ?? draftFor(i));
      single.push(performance.now() - start);
    }
    // Codes are reserved (and committed) before the transaction that stores the dossiers.
    const rest = drafts.slice(200).map((d) => ({ d, reserved: outbox.reserve() }));
    outbox.atomically(() => rest.forEach(({ d, reserved }) => outbox.enqueue(d, reserved)));
    const duringOutage = await new OutboxWorker(
      outbox,
      new HttpDossierGateway(outageHttp),
    ).drainOnce();
    portal.setMode({ kind: 'normal' });
    clock.now += 3_600_000; // the gateway comes back an hour later
    const start = performance.now();
    while (outbox.counts().sent < QUEUED) {
      await worker.drainOnce();
      clock.now += 60_000;
    }
    const seconds = (performance.now() - start) / 1000;
    const counts = portal.counts();
    return {
      queued: QUEUED,
      retriedDuringOutage: duringOutage.retried,
      enqueueMedianMs: round(median(single), 2),
      enqueueP95Ms: round(percentile(single, 95), 2),
      drainSeconds: round(seconds, 2),
      dossiersPerSecond: round(QUEUED / seconds, 0),
      deliveredAtPortal: counts.dossiers,
      duplicates: counts.dossiers - counts.distinctCodes + portal.duplicateCodes().length,
      submissions: counts.submissions,
    };
  } finally {
    await outageHttp.close();
    await http.close();
    await portal.close();
    db.close();
    tmp.remove();
  }
}

const bench: BenchModule = {
  name: 'backoffice',
  async run() {
    return { registryLookup: await registryLatency(), outboxDrain: await outboxDrain() };
  },
};
export default bench;
