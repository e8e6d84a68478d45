/**
 * The monitoring port of a running core whose outbox holds 10,000 undelivered dossiers (portal
 * down): `/metrics` response time and size over HTTP, CPU time the core spends serialising one
 * scrape, and how long one background sample (outbox counts and oldest dossier) takes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchModule } from '../../scripts/bench';
import { median, percentile, round } from '../../scripts/stats';
import { parseKioskConfig } from '../src/core/config/kiosk-config';
import { startKioskCore } from '../src/core/kiosk-core';
import { createLogger } from '../src/core/log/logger';
import { createDemoPorts } from '../src/demo/demo-ports';
import { draftFor } from '../test/backoffice/fixtures';

const QUEUED = 10_000;
const BLOCK = 1_000;
const SCRAPES = 200;

const bench: BenchModule = {
  name: 'metrics',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-metrics-'));
    const core = await startKioskCore({
      config: parseKioskConfig({ dataDir, port: 0, metricsPort: 0, metricsSampleSeconds: 300 }),
      ports: {
        ...createDemoPorts(dataDir),
        // The portal is down: every dossier stays queued.
        gateway: {
          submit: async () => ({ kind: 'unavailable', reason: 'network', message: 'down' }),
          status: async () => ({ kind: 'unavailable', reason: 'network', message: 'down' }),
        },
      },
      logger: createLogger(() => undefined),
    });
    try {
      const { outbox, monitoring, metrics } = core;
      if (!monitoring) throw new Error('no monitoring port');
      // A kiosk's block gives 1,000 codes a day: those are enqueued for real, then copied
      // (codes suffixed) until the outbox holds 10,000 rows, as after ten days without a portal.
      const reserved = Array.from({ length: BLOCK }, (_, i) => ({
        draft: draftFor(i % 500),
        code: outbox.reserve(),
      }));
      outbox.atomically(() => reserved.forEach(({ draft, code }) => outbox.enqueue(draft, code)));
      const copy = core.db.prepare(
        `INSERT INTO outbox_dossier (code, idempotency_key, payload, state, attempts, next_attempt_at, created_at)
         SELECT code || '-' || ?, idempotency_key || '-' || ?, payload, state, attempts, next_attempt_at, created_at
         FROM outbox_dossier WHERE code NOT LIKE '%-%-%-%'`,
      );
      for (let day = 1; day < QUEUED / BLOCK; day += 1) copy.run(day, day);
      const samples: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const start = performance.now();
        await monitoring.sample();
        samples.push(performance.now() - start);
      }
      const url = `${monitoring.url}/metrics`;
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SCRAPES + 20; i += 1) {
        const start = performance.now();
        const body = await (await fetch(url)).text();
        if (i >= 20) times.push(performance.now() - start);
        bytes = Buffer.byteLength(body);
      }
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < SCRAPES; i += 1) await metrics.exposition();
      const cpu = process.cpuUsage(cpuBefore);
      const queued = outbox.counts().queued;
      return {
        queuedDossiers: queued,
        scrapes: SCRAPES,
        responseMedianMs: round(median(times), 2),
        responseP95Ms: round(percentile(times, 95), 2),
        responseBytes: bytes,
        serialiseCpuMsPerScrape: round((cpu.user + cpu.system) / 1000 / SCRAPES, 3),
        backgroundSampleMedianMs: round(median(samples), 2),
        backgroundSampleP95Ms: round(percentile(samples, 95), 2),
      };
    } finally {
      await core.stop();
    }
  },
};

export default bench;
