/**
 * The citizen journey as one XState v5 chart, owned by the core. Two regions run in parallel:
 * `journey` (what the citizen is doing) and `attention` (inactivity warning and reset).
 *
 * Every actor is declared in `setup` with a twin that fails loudly, so the chart never reaches a
 * device or a server by itself: the core provides the real ones with `journeyMachine.provide`.
 * Time only moves through `after` delays, so tests drive it with a simulated clock.
 *
 * @example
 * const actor = createActor(journeyMachine.provide({ actors: realActors }), { clock });
 * actor.start();
 * actor.send({ type: 'CARD_PRESENTED', reader: 'Virtual PCD 00 00', mrz });
 */
import {
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  not,
  raise,
  setup,
  stateIn,
  stopChild,
  type DoneActorEvent,
  type ErrorActorEvent,
} from 'xstate';
import type { AssuranceLevel, CitizenFacts, FieldValue } from '@kiosk/forms';
import type {
  DossierStatusView,
  FormView,
  JourneyError,
  ProcedureSummary,
  ReceiptView,
} from '../../protocol';
import { fieldVersion } from '../../protocol';
import type {
  DocumentEvent,
  IdentificationTrigger,
  IdentitySources,
  JourneyEvent,
} from './journey-events';
import type {
  LookupRegistryInput,
  LookupStatusInput,
  PrepareFormInput,
  PreparedForm,
  PrinterCheck,
  PrintReceiptInput,
  ReadDocumentInput,
  RegistryOutcome,
  StatusOutcome,
  SubmitDossierInput,
  ValidatedForm,
  ValidateFormInput,
} from './journey-services';
import { mergeCitizenSources, type CitizenMergeResult } from '../identity/citizen-merge';

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
  readonly citizen?: CitizenFacts;
  readonly procedure?: ProcedureSummary;
  readonly form?: FormView;
  readonly printer?: PrinterCheck;
  readonly receipt?: ReceiptView;
  readonly error?: JourneyError;
  readonly statusResult?: DossierStatusView;
}

type RegistryState = 'pending' | 'found' | 'notFound' | 'unavailable' | 'skipped' | 'late';

/** The registry lookup runs as a child of its own, so an answer after the budget still arrives. */
const REGISTRY_LOOKUP = 'lookupRegistry';

/** What the lookup child sends the chart when it ends (XState names these events by child id). */
type RegistryLookupEvent =
  | DoneActorEvent<RegistryOutcome, typeof REGISTRY_LOOKUP>
  | ErrorActorEvent<unknown, typeof REGISTRY_LOOKUP>;

/** Every key listed, so `assign(emptyContext)` removes what an earlier journey left behind. */
const emptyContext: JourneyContext = {
  trigger: undefined,
  sources: {},
  personalId: undefined,
  idHints: undefined,
  assurance: undefined,
  progress: 0,
  registry: 'pending',
  citizen: undefined,
  procedure: undefined,
  form: undefined,
  printer: undefined,
  receipt: undefined,
  error: undefined,
  statusResult: undefined,
};

/** The identification trigger an event starts, if it starts one. */
function triggerOf(event: JourneyEvent | RegistryLookupEvent): IdentificationTrigger | undefined {
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
function mergedCitizen(context: JourneyContext): CitizenMergeResult {
  return mergeCitizenSources(context.sources, context.assurance ?? 'document-only');
}

const notProvided = (name: string) => () => {
  throw new Error(`journey actor "${name}" was not provided`);
};

export const journeyMachine = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent | RegistryLookupEvent,
  },
  actors: {
    readDocument: fromCallback<DocumentEvent, ReadDocumentInput>(notProvided('readDocument')),
    lookupRegistry: fromPromise<RegistryOutcome, LookupRegistryInput>(
      notProvided('lookupRegistry'),
    ),
    prepareForm: fromPromise<PreparedForm, PrepareFormInput>(notProvided('prepareForm')),
    validateForm: fromPromise<ValidatedForm, ValidateFormInput>(notProvided('validateForm')),
    checkPrinter: fromPromise<PrinterCheck, undefined>(notProvided('checkPrinter')),
    submitDossier: fromPromise<ReceiptView, SubmitDossierInput>(notProvided('submitDossier')),
    printReceipt: fromPromise<undefined, PrintReceiptInput>(notProvided('printReceipt')),
    lookupStatus: fromPromise<StatusOutcome, LookupStatusInput>(notProvided('lookupStatus')),
  },
  delays: {
    /** Idle time on an interactive screen before the warning. */
    inactivity: 60_000,
    /** Length of the warning countdown before the reset. */
    warningCountdown: 15_000,
    /** How long a finished journey stays on screen. */
    doneLinger: 30_000,
    /** How long the kiosk waits for the QR/MRZ that unlocks a chip. */
    keyWait: 45_000,
    /**
     * How long the citizen waits for the registry before the journey goes on with the card's
     * data (issue 24: retries over a dead link kept the citizen on "giữ nguyên thẻ" 11–16 s).
     */
    registryBudget: 3_000,
  },
  guards: {
    hasKeys: ({ context }) =>
      context.trigger?.method !== 'chip' ||
      context.trigger.mrz !== undefined ||
      context.trigger.qr !== undefined,
    /** The sources name the person (ID, name, birth date, sex); otherwise nobody was identified. */
    identityComplete: ({ context }) => mergedCitizen(context).ok,
    /** The registry is asked as the national API is: ID, full name and full date of birth. */
    lookupReady: ({ context }) =>
      context.personalId !== undefined &&
      context.idHints?.fullName !== undefined &&
      context.idHints.dateOfBirth !== undefined,
    /** The document is read and still gave no name or birth date to ask with. */
    nothingToAskWith: stateIn({ journey: { identifying: { document: 'read' } } }),
    formValid: (_, params: { valid: boolean }) => params.valid,
    /** A late registry answer that found this journey's citizen. */
    lateRecordFound: ({ context, event }) =>
      context.registry === 'late' &&
      event.type === 'xstate.done.actor.lookupRegistry' &&
      event.output.kind === 'found',
    registryLate: ({ context }) => context.registry === 'late',
    printerReady: ({ context }) => context.printer?.ready === true,
    /** A retry repeats the identification the citizen started; without one it starts over. */
    hasTrigger: ({ context }) => context.trigger !== undefined,
    statusFound: (_, params: { outcome: StatusOutcome }) => params.outcome.kind === 'found',
    statusNotFound: (_, params: { outcome: StatusOutcome }) => params.outcome.kind === 'notFound',
    /** The inactivity warning is for a citizen in a journey, not for the idle screen. */
    journeyActive: not(stateIn({ journey: 'idle' })),
    /** Editable, and not changed since the view the edit was made on (a stale tab's draft). */
    fieldEditable: ({ context, event }) =>
      event.type === 'UPDATE_FIELD' &&
      context.form !== undefined &&
      context.form.editable.includes(event.fieldId) &&
      fieldVersion(context.form, event.fieldId) === event.version,
  },
  actions: {
    /** Reset wipes every personal value from the context (and so from every screen). */
    wipe: assign(() => emptyContext),
    /** A card, QR or MRZ starts a fresh identification: nothing of an earlier one is kept. */
    startIdentification: enqueueActions(({ event, enqueue }) => {
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.assign({ ...emptyContext, trigger: triggerOf(event) });
    }),
    /** A failed actor becomes a journey error the citizen can read (detail is for technicians). */
    recordFailure: assign(({ event }, params: { code: 'SUBMIT_FAILED' | 'PRINT_FAILED' }) => ({
      error: {
        code: params.code,
        detail: 'error' in event && event.error instanceof Error ? event.error.message : undefined,
      },
    })),
    /**
     * The receipt of a dossier filed before a restart, on the printer-failed screen with "in lại";
     * the inactivity reset takes it off like any other journey.
     */
    resumeReceipt: assign(({ event }) =>
      event.type === 'RESUME_RECEIPT'
        ? {
            receipt: event.receipt,
            error: {
              code: 'PRINT_FAILED' as const,
              detail: 'the kiosk restarted before this receipt was printed',
            },
          }
        : {},
    ),
    /** Starts (or repeats) a status lookup for the code the citizen typed or scanned. */
    rememberLookupCode: assign(({ event }) => ({
      statusResult:
        event.type === 'LOOKUP_STATUS' || event.type === 'RECEIPT_QR'
          ? { dossierCode: event.code, status: '' }
          : undefined,
    })),
    /** Asks the registry in a child that outlives `identifying` (see `registryBudget`). */
    askRegistry: enqueueActions(({ context, enqueue }) => {
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.spawnChild('lookupRegistry', {
        id: REGISTRY_LOOKUP,
        input: {
          personalId: context.personalId ?? '',
          fullName: context.idHints?.fullName ?? '',
          dateOfBirth: context.idHints?.dateOfBirth ?? '',
        },
      });
    }),
    /** A lookup of an earlier journey must never answer into this one. */
    forgetRegistryLookup: stopChild(REGISTRY_LOOKUP),
    takeRegistryAnswer: assign(({ context, event }) => {
      const outcome = registryOutcomeOf(event);
      if (!outcome) return { registry: 'unavailable' as const };
      return outcome.kind === 'found'
        ? {
            registry: 'found' as const,
            sources: { ...context.sources, registry: outcome.record },
          }
        : { registry: outcome.kind };
    }),
    markRegistryLate: assign({ registry: 'late' }),
    /** The form again from the completed facts; what the citizen typed stays theirs. */
    refillForm: assign(({ context }, params: { fresh: FormView }) => ({
      form: context.form ? keepCitizenEdits(params.fresh, context.form) : params.fresh,
    })),
    /** A journey starts with a full inactivity period. */
    restartInactivity: raise({ type: 'ACTIVITY' }),
    /** The inactivity countdown ran out: the journey resets as if the citizen cancelled. */
    cancelJourney: raise({ type: 'CANCEL' }),
    failIncompleteIdentity: assign({
      error: { code: 'CARD_READ_FAILED', detail: 'the document did not give a complete identity' },
    }),
    takeDocumentFailure: assign(({ event }) =>
      event.type === 'document.failed' ? { error: event.error } : {},
    ),
    recordCardRemoved: assign({ error: { code: 'CARD_REMOVED' } }),
    recordNoKey: assign({
      error: { code: 'CARD_ACCESS_DENIED', detail: 'no MRZ or QR was presented' },
    }),
    /** The QR or MRZ that unlocks the chip on the reader, or that identifies on its own. */
    takePresentedKey: assign({
      trigger: ({ context, event }) => {
        if (event.type === 'QR_IDENTITY') {
          return context.trigger?.method === 'chip'
            ? { ...context.trigger, qr: event.text }
            : { method: 'qr', text: event.text };
        }
        if (event.type === 'MRZ_READ') {
          return context.trigger?.method === 'chip'
            ? { ...context.trigger, mrz: event.text }
            : { method: 'mrz', text: event.text };
        }
        return context.trigger;
      },
    }),
    /** The ID, name and birth date known before the read ends: the registry is asked with them. */
    takeIdHints: assign(({ event }) =>
      event.type === 'document.idKnown'
        ? {
            personalId: event.personalId,
            idHints: { fullName: event.fullName, dateOfBirth: event.dateOfBirth },
          }
        : {},
    ),
    takeProgress: assign(({ event }) =>
      event.type === 'document.progress' ? { progress: event.progress } : {},
    ),
    takeDocument: assign(({ context, event }) =>
      event.type === 'document.read'
        ? {
            sources: { ...context.sources, ...event.sources },
            personalId: context.personalId ?? event.record.personalId,
            idHints: {
              fullName: context.idHints?.fullName ?? event.record.fullName,
              dateOfBirth: context.idHints?.dateOfBirth ?? event.record.dateOfBirth,
            },
            assurance: event.assurance,
            progress: 1,
          }
        : {},
    ),
    skipRegistry: assign({ registry: 'skipped' }),
    clearForRetry: assign({ error: undefined, progress: 0, registry: 'pending' }),
    chooseProcedure: assign(({ event }) =>
      event.type === 'SELECT_PROCEDURE'
        ? { procedure: { code: event.code } as ProcedureSummary }
        : {},
    ),
    takePreparedForm: assign((_, params: PreparedForm) => ({
      procedure: params.procedure,
      form: params.form,
      error: undefined,
    })),
    recordUnknownProcedure: assign({ procedure: undefined, error: { code: 'UNKNOWN_PROCEDURE' } }),
    dropForm: assign({ form: undefined, procedure: undefined }),
    applyFieldEdit: assign(({ context, event }) =>
      event.type === 'UPDATE_FIELD'
        ? { form: context.form ? withValue(context.form, event.fieldId, event.value) : undefined }
        : {},
    ),
    takeForm: assign((_, params: { form: FormView }) => ({ form: params.form })),
    takePrinterCheck: assign((_, params: { printer: PrinterCheck }) => ({
      printer: params.printer,
    })),
    markPrinterUnavailable: assign({
      printer: { ready: false, error: { code: 'PRINTER_UNAVAILABLE' } },
    }),
    takeReceipt: assign((_, params: { receipt: ReceiptView }) => ({ receipt: params.receipt })),
    /** Filed, but the printer check failed: the receipt waits on the printer-failed screen. */
    takeUnprintedReceipt: assign(({ context }, params: { receipt: ReceiptView }) => ({
      receipt: params.receipt,
      error: context.printer?.error ?? { code: 'PRINTER_UNAVAILABLE' },
    })),
    clearError: assign({ error: undefined }),
    takeStatus: assign((_, params: { outcome: StatusOutcome }) => ({
      statusResult: params.outcome.kind === 'found' ? params.outcome.status : undefined,
    })),
    /** Only reached once `identityComplete` holds; a later merge keeps the last citizen if not. */
    mergeCitizen: assign({
      citizen: ({ context }) => {
        const merged = mergedCitizen(context);
        return merged.ok ? merged.citizen : context.citizen;
      },
    }),
  },
}).createMachine({
  id: 'kiosk',
  type: 'parallel',
  context: emptyContext,
  states: {
    journey: {
      initial: 'idle',
      on: {
        CANCEL: { target: '.idle' },
      },
      states: {
        idle: {
          entry: ['forgetRegistryLookup', 'wipe'],
          exit: 'restartInactivity',
          on: {
            CANCEL: {},
            CARD_PRESENTED: { target: 'identifying', actions: 'startIdentification' },
            QR_IDENTITY: { target: 'identifying', actions: 'startIdentification' },
            MRZ_READ: { target: 'identifying', actions: 'startIdentification' },
            RECEIPT_QR: { target: 'statusLookup.looking', actions: 'rememberLookupCode' },
            OPEN_STATUS_LOOKUP: 'statusLookup',
            RESUME_RECEIPT: { target: 'printFailed', actions: 'resumeReceipt' },
          },
        },
        identifying: {
          type: 'parallel',
          tags: ['busy'],
          onDone: [
            { guard: 'identityComplete', target: 'choosingProcedure', actions: 'mergeCitizen' },
            { target: 'identifyFailed', actions: 'failIncompleteIdentity' },
          ],
          on: {
            'document.failed': { target: 'identifyFailed', actions: 'takeDocumentFailure' },
            CARD_REMOVED: { target: 'identifyFailed', actions: 'recordCardRemoved' },
          },
          states: {
            document: {
              initial: 'checkingKeys',
              states: {
                checkingKeys: {
                  always: [{ guard: 'hasKeys', target: 'reading' }, { target: 'awaitingKey' }],
                },
                awaitingKey: {
                  tags: ['interactive'],
                  after: {
                    keyWait: { target: '#kiosk.journey.identifyFailed', actions: 'recordNoKey' },
                  },
                  on: {
                    QR_IDENTITY: { target: 'reading', actions: 'takePresentedKey' },
                    MRZ_READ: { target: 'reading', actions: 'takePresentedKey' },
                  },
                },
                reading: {
                  invoke: {
                    id: 'readDocument',
                    src: 'readDocument',
                    input: ({ context }) => {
                      if (!context.trigger) throw new Error('identifying without a trigger');
                      return { trigger: context.trigger };
                    },
                  },
                  on: {
                    'document.idKnown': { actions: 'takeIdHints' },
                    'document.progress': { actions: 'takeProgress' },
                    'document.read': { target: 'read', actions: 'takeDocument' },
                  },
                },
                read: { type: 'final' },
              },
            },
            registry: {
              initial: 'waitingForId',
              states: {
                waitingForId: {
                  always: [
                    { guard: 'lookupReady', target: 'lookingUp', actions: 'askRegistry' },
                    { guard: 'nothingToAskWith', target: 'done', actions: 'skipRegistry' },
                  ],
                },
                lookingUp: {
                  after: { registryBudget: { target: 'done', actions: 'markRegistryLate' } },
                  on: {
                    'xstate.done.actor.lookupRegistry': {
                      target: 'done',
                      actions: 'takeRegistryAnswer',
                    },
                    'xstate.error.actor.lookupRegistry': {
                      target: 'done',
                      actions: 'takeRegistryAnswer',
                    },
                  },
                },
                done: { type: 'final' },
              },
            },
          },
        },
        identifyFailed: {
          tags: ['interactive'],
          on: {
            RETRY: [
              { guard: 'hasTrigger', target: 'identifying', actions: 'clearForRetry' },
              { target: 'idle' },
            ],
            USE_OTHER_METHOD: 'idle',
            QR_IDENTITY: { target: 'identifying', actions: 'startIdentification' },
            MRZ_READ: { target: 'identifying', actions: 'startIdentification' },
          },
        },
        choosingProcedure: {
          tags: ['interactive'],
          initial: 'browsing',
          on: {
            'xstate.done.actor.lookupRegistry': {
              guard: 'registryLate',
              actions: ['takeRegistryAnswer', 'mergeCitizen'],
            },
            'xstate.error.actor.lookupRegistry': {
              guard: 'registryLate',
              actions: 'takeRegistryAnswer',
            },
          },
          states: {
            browsing: {
              on: {
                SELECT_PROCEDURE: { target: 'preparing', actions: 'chooseProcedure' },
              },
            },
            preparing: {
              invoke: {
                id: 'prepareForm',
                src: 'prepareForm',
                input: ({ context }) => {
                  if (!context.citizen || !context.procedure)
                    throw new Error('no citizen or procedure');
                  return { procedureCode: context.procedure.code, citizen: context.citizen };
                },
                onDone: {
                  target: '#kiosk.journey.reviewingForm',
                  actions: { type: 'takePreparedForm', params: ({ event }) => event.output },
                },
                onError: { target: 'browsing', actions: 'recordUnknownProcedure' },
              },
            },
          },
        },
        reviewingForm: {
          tags: ['interactive'],
          initial: 'editing',
          on: {
            BACK: { target: 'choosingProcedure', actions: 'dropForm' },
            UPDATE_FIELD: { guard: 'fieldEditable', actions: 'applyFieldEdit' },
          },
          states: {
            editing: {
              on: {
                CONTINUE: 'validating',
                'xstate.done.actor.lookupRegistry': [
                  {
                    guard: 'lateRecordFound',
                    target: 'refilling',
                    actions: ['takeRegistryAnswer', 'mergeCitizen'],
                  },
                  { guard: 'registryLate', actions: 'takeRegistryAnswer' },
                ],
                'xstate.error.actor.lookupRegistry': {
                  guard: 'registryLate',
                  actions: 'takeRegistryAnswer',
                },
              },
            },
            /** The registry answered after its budget: the form again, with what it knows. */
            refilling: {
              invoke: {
                id: 'refillForm',
                src: 'prepareForm',
                input: ({ context }) => {
                  if (!context.citizen || !context.procedure)
                    throw new Error('no citizen or procedure');
                  return { procedureCode: context.procedure.code, citizen: context.citizen };
                },
                onDone: {
                  target: 'editing',
                  actions: {
                    type: 'refillForm',
                    params: ({ event }) => ({ fresh: event.output.form }),
                  },
                },
                onError: 'editing',
              },
            },
            validating: {
              invoke: {
                id: 'validateForm',
                src: 'validateForm',
                input: ({ context }) => {
                  if (!context.form) throw new Error('no form');
                  return { form: context.form };
                },
                onDone: [
                  {
                    guard: {
                      type: 'formValid',
                      params: ({ event }) => ({ valid: event.output.valid }),
                    },
                    target: '#kiosk.journey.confirming',
                    actions: { type: 'takeForm', params: ({ event }) => event.output },
                  },
                  {
                    target: 'editing',
                    actions: { type: 'takeForm', params: ({ event }) => event.output },
                  },
                ],
                onError: 'editing',
              },
            },
          },
        },
        confirming: {
          tags: ['interactive'],
          on: {
            BACK: 'reviewingForm',
            CONFIRM: 'checkingPrinter',
          },
        },
        checkingPrinter: {
          tags: ['busy'],
          invoke: {
            id: 'checkPrinter',
            src: 'checkPrinter',
            onDone: {
              target: 'submitting',
              actions: {
                type: 'takePrinterCheck',
                params: ({ event }) => ({ printer: event.output }),
              },
            },
            onError: { target: 'submitting', actions: 'markPrinterUnavailable' },
          },
        },
        submitting: {
          tags: ['busy'],
          on: { CANCEL: {} },
          invoke: {
            id: 'submitDossier',
            src: 'submitDossier',
            input: ({ context }) => {
              if (!context.procedure || !context.citizen || !context.form)
                throw new Error('incomplete dossier');
              return {
                procedureCode: context.procedure.code,
                citizen: context.citizen,
                form: context.form,
              };
            },
            onDone: [
              {
                guard: 'printerReady',
                target: 'printing',
                actions: {
                  type: 'takeReceipt',
                  params: ({ event }) => ({ receipt: event.output }),
                },
              },
              {
                target: 'printFailed',
                actions: {
                  type: 'takeUnprintedReceipt',
                  params: ({ event }) => ({ receipt: event.output }),
                },
              },
            ],
            onError: {
              target: 'submitFailed',
              actions: { type: 'recordFailure', params: { code: 'SUBMIT_FAILED' } },
            },
          },
        },
        submitFailed: {
          tags: ['interactive'],
          on: { RETRY: { target: 'confirming', actions: 'clearError' } },
        },
        printing: {
          tags: ['busy'],
          on: { CANCEL: {} },
          invoke: {
            id: 'printReceipt',
            src: 'printReceipt',
            input: ({ context }) => {
              if (!context.receipt) throw new Error('no receipt');
              return { receipt: context.receipt };
            },
            onDone: 'done',
            onError: {
              target: 'printFailed',
              actions: { type: 'recordFailure', params: { code: 'PRINT_FAILED' } },
            },
          },
        },
        printFailed: {
          tags: ['interactive'],
          on: {
            RETRY: { target: 'printing', actions: 'clearError' },
            FINISH: 'idle',
          },
        },
        done: {
          after: { doneLinger: 'idle' },
          on: { FINISH: 'idle' },
        },
        statusLookup: {
          tags: ['interactive'],
          initial: 'entering',
          on: {
            BACK: 'idle',
            FINISH: 'idle',
            LOOKUP_STATUS: { target: '.looking', actions: 'rememberLookupCode' },
          },
          states: {
            entering: {},
            looking: {
              invoke: {
                id: 'lookupStatus',
                src: 'lookupStatus',
                input: ({ context }) => ({ code: context.statusResult?.dossierCode ?? '' }),
                onDone: [
                  {
                    guard: {
                      type: 'statusFound',
                      params: ({ event }) => ({ outcome: event.output }),
                    },
                    target: 'found',
                    actions: {
                      type: 'takeStatus',
                      params: ({ event }) => ({ outcome: event.output }),
                    },
                  },
                  {
                    guard: {
                      type: 'statusNotFound',
                      params: ({ event }) => ({ outcome: event.output }),
                    },
                    target: 'notFound',
                  },
                  { target: 'unavailable' },
                ],
                onError: 'unavailable',
              },
            },
            found: {},
            notFound: {},
            unavailable: { on: { RETRY: 'looking' } },
          },
        },
      },
    },
    attention: {
      initial: 'watching',
      states: {
        // ACTIVITY is handled on each child: a `reenter` on the region itself would re-enter
        // the whole parallel machine and so reset the journey.
        watching: {
          on: { ACTIVITY: { target: 'watching', reenter: true } },
          after: {
            inactivity: [
              { guard: 'journeyActive', target: 'warning' },
              { target: 'watching', reenter: true },
            ],
          },
        },
        warning: {
          on: { ACTIVITY: 'watching' },
          after: {
            warningCountdown: { target: 'watching', actions: 'cancelJourney' },
          },
        },
      },
    },
  },
});

/** The registry's answer carried by a lookup child's done or error event, if any. */
function registryOutcomeOf(event: { type: string }): RegistryOutcome | undefined {
  if (!('output' in event)) return undefined;
  const output = event.output as RegistryOutcome | undefined;
  return output && typeof output === 'object' && 'kind' in output ? output : undefined;
}

/**
 * A form prepared again (late registry answer) with what the citizen already typed kept: their
 * values win, and a field the refill changed takes a new version so a stale tab's edit is refused.
 */
function keepCitizenEdits(fresh: FormView, current: FormView): FormView {
  const values = { ...fresh.values };
  const provenance = { ...fresh.provenance };
  const versions: Record<string, number> = { ...current.versions };
  const typed = new Set<string>();
  for (const [id, source] of Object.entries(current.provenance)) {
    if (source !== 'citizen') continue;
    typed.add(id);
    const value = current.values[id];
    if (value !== undefined) values[id] = value;
    provenance[id] = 'citizen';
  }
  for (const id of Object.keys(values)) {
    if (!typed.has(id) && JSON.stringify(values[id]) !== JSON.stringify(current.values[id]))
      versions[id] = fieldVersion(current, id) + 1;
  }
  return {
    ...fresh,
    values,
    provenance,
    versions,
    missing: fresh.missing.filter((id) => !typed.has(id)),
    issues: fresh.issues.filter((issue) => !typed.has(issue.fieldId)),
  };
}

/** A citizen's edit: the value becomes theirs and the field is no longer missing if filled. */
function withValue(form: FormView, fieldId: string, value: FieldValue): FormView {
  const filled = typeof value === 'string' ? value.trim() !== '' : true;
  return {
    ...form,
    versions: { ...form.versions, [fieldId]: fieldVersion(form, fieldId) + 1 },
    values: {
      ...form.values,
      [fieldId]: typeof value === 'string' ? value.normalize('NFC') : value,
    },
    provenance: { ...form.provenance, [fieldId]: 'citizen' },
    missing: filled ? form.missing.filter((id) => id !== fieldId) : form.missing,
    issues: form.issues.filter((issue) => issue.fieldId !== fieldId),
  };
}
