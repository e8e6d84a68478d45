import type { DoneActorEvent, ErrorActorEvent } from 'xstate';
import type { AssuranceLevel, CitizenFacts } from '@kiosk/forms';
import type {
  DossierStatusView,
  FormView,
  JourneyError,
  PaymentQrView,
  ProcedureInfoView,
  ProcedurePageProblem,
  ProcedureSummary,
  ReceiptView,
} from '@kiosk/protocol';
import { mergeCitizenSources, type CitizenMergeResult } from '../identity/citizen-merge';
import type { RegistryCardStatus } from '../links/registry/population-registry';
import type { IdentificationTrigger, IdentitySources, JourneyEvent } from './journey-events';
import type { IssuedQueueTicket, PrinterCheck, RegistryOutcome } from './journey-services';

/** What the journey knows about the citizen at the kiosk; wiped when the journey ends. */
export interface JourneyContext {
  readonly trigger?: IdentificationTrigger;
  readonly sources: IdentitySources;
  readonly personalId?: string;
  /** Name and full date of birth as the document presented them: the registry asks for both. */
  readonly idHints?: { fullName?: string; dateOfBirth?: string };
  /** Set when the document is read; below `chip-verified` the registry only confirms. */
  readonly assurance?: AssuranceLevel;
  readonly progress: number;
  /** `late`: asked, no answer within the budget; the journey went on with the card's data. */
  readonly registry: RegistryState;
  /** The card's status in the registry's answer, when it gave one. */
  readonly registryCard?: RegistryCardStatus;
  /** What the registry was asked for in this journey; undefined until it is asked. */
  readonly registryAskedFor?: RegistryPurpose;
  readonly citizen?: CitizenFacts;
  readonly procedure?: ProcedureSummary;
  readonly form?: FormView;
  /** The optional papers the citizen said they bring: index in the documents → count. */
  readonly optionalPapers?: Readonly<Record<number, number>>;
  readonly printer?: PrinterCheck;
  readonly receipt?: ReceiptView;
  /** The VietQR of the fee asked for after filing, while the payment screen shows it. */
  readonly payment?: PaymentQrView;
  readonly error?: JourneyError;
  readonly statusResult?: DossierStatusView;
  /** "Lấy số thứ tự": the counter group picked, then its number. */
  readonly queueGroup?: string;
  readonly queueTicket?: IssuedQueueTicket;
  /** On the rating screen: the dossier being rated, and nothing else of the citizen. */
  readonly ratingFor?: string;
  /** The published procedure page (no card): the code asked for, its page or why none. */
  readonly procedurePage?: ProcedurePage;
  /** Chosen on the procedure page before the card: the journey goes straight to its form. */
  readonly preselectedProcedure?: string;
}

export interface ProcedurePage {
  readonly code?: string;
  readonly info?: ProcedureInfoView;
  readonly problem?: ProcedurePageProblem;
}

/**
 * Why the registry was asked: for the procedure the citizen chose (its code is the request's
 * MaDVC), or a prefetch before the choice where the configuration allows it (`registry.prefetch`),
 * whose answer serves whichever procedure is chosen.
 */
export type RegistryPurpose = { readonly procedureCode: string } | 'prefetch';

export type RegistryState = 'pending' | 'found' | 'notFound' | 'unavailable' | 'skipped' | 'late';

/** The registry lookup runs as a child of its own, so an answer after the budget still arrives. */
export const REGISTRY_LOOKUP = 'lookupRegistry';

/** What the lookup child sends the chart when it ends (XState names these events by child id). */
export type RegistryLookupEvent =
  | DoneActorEvent<RegistryOutcome, typeof REGISTRY_LOOKUP>
  | ErrorActorEvent<unknown, typeof REGISTRY_LOOKUP>;

/** Every key listed, so `assign(emptyContext)` removes what an earlier journey left behind. */
export const emptyContext: JourneyContext = {
  trigger: undefined,
  sources: {},
  personalId: undefined,
  idHints: undefined,
  assurance: undefined,
  progress: 0,
  registry: 'pending',
  registryCard: undefined,
  registryAskedFor: undefined,
  citizen: undefined,
  procedure: undefined,
  form: undefined,
  optionalPapers: undefined,
  printer: undefined,
  receipt: undefined,
  payment: undefined,
  error: undefined,
  statusResult: undefined,
  ratingFor: undefined,
  procedurePage: undefined,
  preselectedProcedure: undefined,
  queueGroup: undefined,
  queueTicket: undefined,
};

/** The identification trigger an event starts, if it starts one. */
export function triggerOf(
  event: JourneyEvent | RegistryLookupEvent,
): IdentificationTrigger | undefined {
  switch (event.type) {
    case 'CARD_PRESENTED':
      return { method: 'chip', reader: event.reader, mrz: event.mrz };
    case 'QR_IDENTITY':
      return { method: 'qr', text: event.text };
    case 'MRZ_READ':
      return { method: 'mrz', text: event.text };
    default:
      return undefined;
  }
}

/** The citizen the sources name so far, at the assurance the document earned. */
export function mergedCitizen(context: JourneyContext): CitizenMergeResult {
  return mergeCitizenSources(context.sources, context.assurance ?? 'document-only');
}

/** The ID, full name and full date of birth the national API is asked with are all known. */
export function registryAskable(context: JourneyContext): boolean {
  return (
    context.personalId !== undefined &&
    context.idHints?.fullName !== undefined &&
    context.idHints.dateOfBirth !== undefined
  );
}

/**
 * The chosen procedure needs a lookup of its own: the registry can be asked and was not asked for
 * this procedure, nor prefetched for any.
 */
export function registryDueForProcedure(context: JourneyContext): boolean {
  const asked = context.registryAskedFor;
  if (!registryAskable(context) || !context.procedure || asked === 'prefetch') return false;
  return asked?.procedureCode !== context.procedure.code;
}

/** The registry's answer carried by a lookup child's done or error event, if any. */
export function registryOutcomeOf(event: { type: string }): RegistryOutcome | undefined {
  if (!('output' in event)) return undefined;
  const output = event.output as RegistryOutcome | undefined;
  return output && typeof output === 'object' && 'kind' in output ? output : undefined;
}
