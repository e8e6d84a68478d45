import type { KioskMetrics } from './kiosk-metrics';
import { MetricsSampler, type MetricsSources } from './metrics-sampler';
import { startMetricsServer, type MetricsServerOptions } from './metrics-server';

export interface MonitoringPort {
  readonly url: string;
  readonly port: number;
  /** Takes the first sample now, so a scrape right after gets values (for tests and the bench). */
  sample(): Promise<void>;
  stop(): Promise<void>;
}

/** Samples older than this many intervals mean the store no longer answers: not ready. */
const STALE_INTERVALS = 3;

/**
 * The sampler and the monitoring server together: the first sample is taken before the port
 * opens, and `/readyz` answers 503 `store:stale` when the outbox could not be read for
 * {@link STALE_INTERVALS} intervals, `stopping` once the core is shutting down.
 */
export async function startMonitoringPort(
  metrics: KioskMetrics,
  endpoint: Omit<MetricsServerOptions, 'notReady'>,
  sources: MetricsSources,
  intervalMs: number,
  nowMs: () => number = () => Date.now(),
): Promise<MonitoringPort> {
  const sampler = new MetricsSampler(metrics, sources, { intervalMs }, nowMs);
  await sampler.start();
  let stopping = false;
  const notReady = (): string[] => {
    const reasons: string[] = [];
    if (stopping) reasons.push('stopping');
    const sampled = sampler.lastStoreSampleAt;
    if (sampled === undefined || nowMs() - sampled > STALE_INTERVALS * intervalMs)
      reasons.push('store:stale');
    return reasons;
  };
  const server = await startMetricsServer(metrics, { ...endpoint, notReady }).catch(
    async (error: unknown) => {
      await sampler.stop();
      throw error;
    },
  );
  return {
    url: server.url,
    port: server.port,
    sample: () => sampler.sample(),
    stop: async () => {
      stopping = true;
      await sampler.stop();
      await server.close();
    },
  };
}
