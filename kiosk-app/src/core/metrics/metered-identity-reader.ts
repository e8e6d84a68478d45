import { performance } from 'node:perf_hooks';
import type { IdentityReader } from '../ports';
import type { KioskMetrics } from './kiosk-metrics';

/**
 * The identity reader, timing each read from its start to the document's outcome: the assurance
 * level it proved (passive authentication for a chip, ICAO 9303-11 §5.1) or `failed`. The read's
 * content never reaches the metrics, only its method and outcome.
 */
export function meteredIdentityReader(
  reader: IdentityReader,
  metrics: KioskMetrics,
  nowMs: () => number = () => performance.now(),
): IdentityReader {
  return {
    async read(trigger, emit, signal) {
      const started = nowMs();
      let measured = false;
      const measure = (
        outcome: Parameters<KioskMetrics['documentRead']>[1],
        method = trigger.method,
      ) => {
        if (measured) return;
        measured = true;
        metrics.documentRead(method, outcome, (nowMs() - started) / 1000);
      };
      try {
        await reader.read(
          trigger,
          (event) => {
            if (event.type === 'document.read') measure(event.assurance, event.method);
            else if (event.type === 'document.failed') measure('failed');
            emit(event);
          },
          signal,
        );
      } catch (error) {
        // A read cancelled because the citizen walked away is no failed read.
        if (!signal.aborted) measure('failed');
        throw error;
      }
    },
  };
}
