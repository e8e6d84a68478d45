import type { SnapshotFrom } from 'xstate';
import {
  JOURNEY_STEPS,
  type CardReaderAvailability,
  type CounterGroupView,
  type JourneyStep,
  type JourneyView,
  type PaymentView,
  type ProcedurePageView,
  type TakingNumberView,
} from '@kiosk/protocol';
import type { journeyMachine } from './journey-machine';

type JourneySnapshot = SnapshotFrom<typeof journeyMachine>;

const STEPS: readonly JourneyStep[] = JOURNEY_STEPS;

function stepOf(snapshot: JourneySnapshot): JourneyStep {
  if (snapshot.matches({ journey: 'checkingPrinter' })) return 'submitting';
  return STEPS.find((step) => snapshot.matches({ journey: step })) ?? 'idle';
}

const PROCEDURE_PAGE_PHASES = [
  'browsing',
  'describing',
  'showing',
  'problem',
  'awaitingCard',
] as const satisfies readonly ProcedurePageView['phase'][];

function procedurePageView(snapshot: JourneySnapshot): ProcedurePageView {
  const page = snapshot.context.procedurePage;
  return {
    phase:
      PROCEDURE_PAGE_PHASES.find((p) => snapshot.matches({ journey: { procedureInfo: p } })) ??
      'browsing',
    code: page?.code,
    info: page?.info,
    problem: page?.problem,
  };
}

/**
 * Projects the chart's snapshot onto what the renderer shows. Only what the current screen needs
 * leaves the core: no face image, no raw chip data, and nothing at all once back to idle.
 */
export function journeyView(
  snapshot: JourneySnapshot,
  warningSeconds: number,
  cardReader: CardReaderAvailability = 'ready',
  counterGroups: readonly CounterGroupView[] = [],
): JourneyView {
  const c = snapshot.context;
  const step = stepOf(snapshot);
  const attention =
    snapshot.matches({ attention: 'warning' }) && step !== 'idle' ? 'warning' : 'watching';
  const base = {
    step,
    attention,
    warningSeconds,
    registry: c.registry,
    printerReady: c.printer?.ready ?? true,
    cardReader,
  } as const;
  if (step === 'idle') return { ...base, attention: 'dormant', registry: 'pending' };
  const lookup = snapshot.matches({ journey: 'statusLookup' })
    ? {
        phase:
          (['entering', 'looking', 'found', 'notFound', 'unavailable'] as const).find((p) =>
            snapshot.matches({ journey: { statusLookup: p } }),
          ) ?? 'entering',
        result: c.statusResult,
      }
    : undefined;
  const takingNumber: TakingNumberView | undefined = snapshot.matches({ journey: 'takingNumber' })
    ? {
        phase:
          (['choosing', 'issuing', 'issued', 'failed'] as const).find((p) =>
            snapshot.matches({ journey: { takingNumber: p } }),
          ) ?? 'choosing',
        groups: counterGroups,
        ...(c.queueTicket ? { ticket: c.queueTicket.ticket, printed: c.queueTicket.printed } : {}),
      }
    : undefined;
  const payment: PaymentView | undefined =
    step === 'payingFee'
      ? c.payment
        ? { phase: 'waiting', qr: c.payment }
        : { phase: 'requesting' }
      : undefined;
  return {
    ...base,
    identifying:
      step === 'identifying' && c.trigger
        ? {
            method: c.trigger.method,
            phase: snapshot.matches({ journey: { identifying: { document: 'read' } } })
              ? 'lookingUp'
              : 'reading',
            progress: c.progress,
          }
        : undefined,
    citizen: c.citizen
      ? {
          record: c.citizen.record,
          provenance: c.citizen.provenance,
          mismatches: c.citizen.mismatches,
          assurance: c.citizen.assurance,
        }
      : undefined,
    lookingUp: snapshot.matches({ journey: { choosingProcedure: 'lookingUp' } }) || undefined,
    procedure: c.procedure?.name ? c.procedure : undefined,
    form: c.form,
    optionalPapers: c.form ? c.optionalPapers : undefined,
    receipt: c.receipt,
    error: c.error,
    statusLookup: lookup,
    procedurePage: step === 'procedureInfo' ? procedurePageView(snapshot) : undefined,
    takingNumber,
    payment,
  };
}
