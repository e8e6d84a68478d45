import { describe, expect, it } from 'vitest';
import { JourneyMetrics } from './journey-metrics';
import { KioskMetrics } from './kiosk-metrics';

async function value(metrics: KioskMetrics, name: string, labels: Record<string, string>) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const found = metric?.values.find((v) =>
    Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return found?.value;
}

describe('JourneyMetrics', () => {
  it('counts a journey from card to receipt as started and completed, by method', async () => {
    const metrics = new KioskMetrics(
      { version: '0', commit: 'unknown' },
      { processMetrics: false },
    );
    const journeys = new JourneyMetrics(metrics);
    for (const step of [
      'idle',
      'identifying',
      'choosingProcedure',
      'reviewingForm',
      'done',
      'idle',
    ] as const)
      journeys.observe(step, 'chip');
    expect(await value(metrics, 'kiosk_journeys_started_total', { method: 'chip' })).toBe(1);
    expect(await value(metrics, 'kiosk_journeys_completed_total', { method: 'chip' })).toBe(1);
    const abandoned = await metrics.registry
      .getSingleMetric('kiosk_journeys_abandoned_total')
      ?.get();
    expect(abandoned?.values.every((v) => v.value === 0)).toBe(true);
  });

  it('counts a journey that falls back to idle as abandoned at the step it left', async () => {
    const metrics = new KioskMetrics(
      { version: '0', commit: 'unknown' },
      { processMetrics: false },
    );
    const journeys = new JourneyMetrics(metrics);
    journeys.observe('identifying', 'qr');
    journeys.observe('identifying', 'qr');
    journeys.observe('reviewingForm', 'qr');
    journeys.observe('idle', undefined);
    expect(await value(metrics, 'kiosk_journeys_started_total', { method: 'qr' })).toBe(1);
    expect(
      await value(metrics, 'kiosk_journeys_abandoned_total', {
        step: 'reviewingForm',
        method: 'qr',
      }),
    ).toBe(1);
    // A status lookup that ends is no journey.
    journeys.observe('statusLookup', undefined);
    journeys.observe('idle', undefined);
    expect(await value(metrics, 'kiosk_journeys_started_total', { method: 'qr' })).toBe(1);
  });

  it('counts a journey begun from a procedure page, and reading a page alone as none', async () => {
    const metrics = new KioskMetrics(
      { version: '0', commit: 'unknown' },
      { processMetrics: false },
    );
    const journeys = new JourneyMetrics(metrics);
    journeys.observe('procedureInfo', undefined);
    journeys.observe('idle', undefined);
    const abandoned = await metrics.registry
      .getSingleMetric('kiosk_journeys_abandoned_total')
      ?.get();
    expect(abandoned?.values.every((v) => v.value === 0)).toBe(true);
    journeys.observe('procedureInfo', undefined);
    journeys.observe('identifying', 'chip');
    expect(await value(metrics, 'kiosk_journeys_started_total', { method: 'chip' })).toBe(1);
  });
});
