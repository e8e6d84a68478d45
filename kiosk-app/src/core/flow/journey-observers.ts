import type { Actor } from 'xstate';
import type { ReceiptRepository } from '../store/receipt-repository';
import type { Logger } from '../log/logger';
import type { JourneyMetrics } from '../metrics';
import { findInterruptedReceipt } from '../intake/interrupted-receipt';
import type { journeyMachine } from './journey-machine';
import { journeyView } from './journey-view';

type JourneyActor = Actor<typeof journeyMachine>;

/** Each change of screen step is logged once and counted in the journey metrics. */
export function observeJourneySteps(
  journey: JourneyActor,
  options: { logger: Logger; metrics: JourneyMetrics; warningSeconds: () => number },
): void {
  let lastStep = '';
  journey.subscribe((snapshot) => {
    const step = journeyView(snapshot, options.warningSeconds()).step;
    if (step !== lastStep) options.logger.info('journey.step', { step });
    lastStep = step;
    options.metrics.observe(step, snapshot.context.trigger?.method);
  });
}

/** A receipt is marked printed once, when its journey reaches `done` (the slip came out). */
export function markPrintedReceipts(journey: JourneyActor, receipts: ReceiptRepository): void {
  const printedCodes = new Set<string>();
  journey.subscribe((snapshot) => {
    const receipt = snapshot.context.receipt;
    if (
      snapshot.matches({ journey: 'done' }) &&
      receipt &&
      !printedCodes.has(receipt.dossierCode)
    ) {
      printedCodes.add(receipt.dossierCode);
      receipts.markPrinted(receipt.dossierCode);
    }
  });
}

/**
 * A dossier filed just before the core stopped, its slip not printed: shown again, so its
 * citizen learns it was filed instead of filing it twice (issue 24).
 */
export function resumeInterruptedReceipt(
  journey: JourneyActor,
  receipts: ReceiptRepository,
  logger: Logger,
  now: Date = new Date(),
): void {
  const interrupted = findInterruptedReceipt(receipts, now);
  if (!interrupted) return;
  logger.warn('journey.receiptResumed', { dossier: interrupted.dossierCode });
  journey.send({ type: 'RESUME_RECEIPT', receipt: interrupted });
}
