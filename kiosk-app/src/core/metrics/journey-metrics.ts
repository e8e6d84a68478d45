import type { JourneyStep } from '@kiosk/protocol';
import type { KioskMetrics } from './kiosk-metrics';
import {
  IDENTIFICATION_METHODS,
  JOURNEY_STEPS,
  type IdentificationMethodLabel,
} from './metric-labels';

/** Steps that are no citizen journey: leaving them for idle abandons nothing. */
const OUTSIDE_A_JOURNEY: ReadonlySet<JourneyStep> = new Set([
  'idle',
  'done',
  'statusLookup',
  'procedureInfo',
]);

function methodLabel(method: string | undefined): IdentificationMethodLabel {
  return IDENTIFICATION_METHODS.find((known) => known === method) ?? 'unknown';
}

/**
 * Turns the journey's step changes into journey counters: started when identification begins,
 * completed when the printed receipt is reached (`done`), abandoned when the journey falls back
 * to idle from any other step (cancel, inactivity, card removed; `printFailed` included: the
 * dossier was received but the citizen left with the receipt on screen only).
 */
export class JourneyMetrics {
  private step: JourneyStep = 'idle';
  private method: IdentificationMethodLabel = 'unknown';

  constructor(private readonly metrics: KioskMetrics) {}

  /** Call with every snapshot's step and identification method; repeats are ignored. */
  observe(step: JourneyStep, method: string | undefined): void {
    const previous = this.step;
    if (step === previous) return;
    this.step = step;
    if (step === 'identifying' && OUTSIDE_A_JOURNEY.has(previous) && previous !== 'done') {
      this.method = methodLabel(method);
      this.metrics.journeyStarted(this.method);
    } else if (step === 'done') {
      this.metrics.journeyCompleted(this.method);
    } else if (step === 'idle' && !OUTSIDE_A_JOURNEY.has(previous)) {
      const label = JOURNEY_STEPS.find((known) => known === previous);
      if (label) this.metrics.journeyAbandoned(label, this.method);
    }
  }
}
