import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KioskMetrics } from './kiosk-metrics';
import {
  CONFIG_REFUSAL_REASONS,
  configRefusalReason,
  LINK_ERROR_REASONS,
  linkErrorReason,
  SIGN_IN_FAILURE_REASONS,
  signInFailureReason,
} from './metric-labels';

/** Every label value of every kiosk_* series, as a set per label name. */
async function labelValues(metrics: KioskMetrics): Promise<Map<string, Set<string>>> {
  const values = new Map<string, Set<string>>();
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    if (!metric.name.startsWith('kiosk_') || metric.name === 'kiosk_build_info') continue;
    for (const value of metric.values)
      for (const [label, text] of Object.entries(value.labels)) {
        if (label === 'le') continue;
        const set = values.get(label) ?? new Set<string>();
        set.add(String(text));
        values.set(label, set);
      }
  }
  return values;
}

describe('metric labels', () => {
  it('never take an outside value: reasons from links, sign-ins and bundles map onto fixed lists', async () => {
    const metrics = new KioskMetrics(
      { version: '0', commit: 'unknown' },
      { processMetrics: false },
    );
    const before = await labelValues(metrics);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (outside) => {
        expect(LINK_ERROR_REASONS).toContain(linkErrorReason(outside));
        expect(SIGN_IN_FAILURE_REASONS).toContain(signInFailureReason(outside));
        expect(CONFIG_REFUSAL_REASONS).toContain(configRefusalReason(outside));
        metrics.linkCall('registry', 0.1, linkErrorReason(outside));
        metrics.linkCall('portal', 0.1, linkErrorReason(`rejected-${outside}`));
        metrics.signInFailed('staff', signInFailureReason(outside));
        metrics.configBundleRefused(configRefusalReason(outside));
        metrics.documentRead('chip', 'failed', 1);
        metrics.printer('out');
        metrics.outbox({ queued: 1, sending: 0, sent: 2, failed: 0 }, outside);
      }),
      { numRuns: 300 },
    );
    // The series created at start are all there is: nothing outside added a label value.
    const after = await labelValues(metrics);
    for (const [label, set] of after)
      for (const text of set)
        expect(before.get(label)?.has(text) || label === 'outcome', `${label}=${text}`).toBe(true);
  });
});
