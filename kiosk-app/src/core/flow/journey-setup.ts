import {
  and,
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  not,
  raise,
  setup,
  stateIn,
  stopChild,
} from 'xstate';
import type {
  FormView,
  PaymentQrView,
  ProcedureInfoView,
  ProcedureSummary,
  ReceiptView,
} from '@kiosk/protocol';
import { fieldVersion } from '@kiosk/protocol';
import {
  emptyContext,
  mergedCitizen,
  REGISTRY_LOOKUP,
  registryAskable,
  registryDueForProcedure,
  registryOutcomeOf,
  triggerOf,
  type JourneyContext,
  type RegistryLookupEvent,
  type RegistryPurpose,
} from './journey-context';
import { cardNotInForce } from '../links/registry/population-registry';
import type { DocumentEvent, JourneyEvent } from './journey-events';
import { keepCitizenEdits, withValue } from './journey-form-edits';
import type {
  IssuedQueueTicket,
  IssueQueueTicketInput,
  LookupRegistryInput,
  LookupStatusInput,
  PrepareFormInput,
  PreparedForm,
  PrinterCheck,
  PrintReceiptInput,
  ReadDocumentInput,
  RecordRatingInput,
  RegistryOutcome,
  RequestPaymentInput,
  StatusOutcome,
  SubmitDossierInput,
  ValidatedForm,
  ValidateFormInput,
} from './journey-services';

/** What the lookup child is given: the national API's three identity fields and the purpose. */
function lookupInput(context: JourneyContext, purpose: RegistryPurpose): LookupRegistryInput {
  return {
    personalId: context.personalId ?? '',
    fullName: context.idHints?.fullName ?? '',
    dateOfBirth: context.idHints?.dateOfBirth ?? '',
    ...(purpose === 'prefetch' ? {} : { procedureCode: purpose.procedureCode }),
  };
}

const notProvided = (name: string) => () => {
  throw new Error(`journey actor "${name}" was not provided`);
};

/**
 * The journey chart's vocabulary: its actors (each a twin that fails loudly until the core
 * provides the real one), delays, guards and actions, every one named so the chart's regions
 * (journey-*.ts) read as the diagram and tests can `provide` other implementations.
 */
export const journeySetup = setup({
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
    recordRating: fromPromise<undefined, RecordRatingInput>(notProvided('recordRating')),
    /** The published page of a procedure; undefined when the catalogue lacks the code. */
    describeProcedure: fromPromise<ProcedureInfoView | undefined, { code: string }>(
      notProvided('describeProcedure'),
    ),
    issueQueueTicket: fromPromise<IssuedQueueTicket, IssueQueueTicketInput>(
      notProvided('issueQueueTicket'),
    ),
    /** Issue 17: the VietQR of a filed dossier's fee (platform transaction, ledger entry). */
    requestPayment: fromPromise<PaymentQrView, RequestPaymentInput>(notProvided('requestPayment')),
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
    /** How long the payment screen waits before the fee is left to the counter (issue 17). */
    paymentWait: 180_000,
  },
  guards: {
    hasKeys: ({ context }) =>
      context.trigger?.method !== 'chip' ||
      context.trigger.mrz !== undefined ||
      context.trigger.qr !== undefined,
    /** The sources name the person (ID, name, birth date, sex); otherwise nobody was identified. */
    identityComplete: ({ context }) => mergedCitizen(context).ok,
    /** The registry records a date of death (Luật Căn cước 2023, Điều 9 khoản 24). */
    registryRecordClosed: ({ context }) => context.sources.registry?.dateOfDeath !== undefined,
    /** The registry records the card as revoked or cancelled (Luật Căn cước 2023, Điều 29). */
    registryCardNotInForce: ({ context }) => cardNotInForce(context.registryCard),
    /** The same, from an answer that came after the journey went on with the card's data. */
    lateCardNotInForce: ({ context, event }) =>
      context.registry === 'late' &&
      event.type === 'xstate.done.actor.lookupRegistry' &&
      event.output.kind === 'found' &&
      cardNotInForce(event.output.cardStatus),
    /** The registry is asked as the national API is: ID, full name and full date of birth. */
    lookupReady: ({ context }) => registryAskable(context),
    /**
     * `registry.prefetch`: the centre's configuration lets the lookup start as soon as the
     * identity is known, before a procedure is chosen. False until the core provides the
     * configured one: by default the registry is asked only for a chosen procedure.
     */
    registryPrefetch: (_) => false,
    /** Purpose limitation: the chosen procedure was not yet looked up for (nor prefetched). */
    registryDueForProcedure: ({ context }) => registryDueForProcedure(context),
    /** The document is read and still gave no name or birth date to ask with. */
    nothingToAskWith: stateIn({ journey: { identifying: { document: 'read' } } }),
    formValid: (_, params: { valid: boolean }) => params.valid,
    /** A late registry answer whose record is closed by death. */
    lateRecordClosed: ({ context, event }) =>
      context.registry === 'late' &&
      event.type === 'xstate.done.actor.lookupRegistry' &&
      event.output.kind === 'found' &&
      event.output.record.dateOfDeath !== undefined,
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
    /**
     * The inactivity warning is for a citizen in a journey, not for the idle screen, nor for the
     * payment screen: it has its own countdown, and a citizen paying on a phone taps nothing.
     */
    journeyActive: and([not(stateIn({ journey: 'idle' })), not(stateIn({ journey: 'payingFee' }))]),
    /** Editable, and not changed since the view the edit was made on (a stale tab's draft). */
    fieldEditable: ({ context, event }) =>
      event.type === 'UPDATE_FIELD' &&
      context.form !== undefined &&
      context.form.editable.includes(event.fieldId) &&
      fieldVersion(context.form, event.fieldId) === event.version,
    /** The paper named is one of the chosen procedure's optional papers ("nếu có"). */
    optionalPaperOfProcedure: ({ context, event }) =>
      event.type === 'SET_OPTIONAL_PAPER' &&
      context.procedure?.documents?.[event.index]?.optional === true,
    procedureDescribed: (_, params: { info: ProcedureInfoView | undefined }) =>
      params.info !== undefined,
    /** "Nộp hồ sơ" on a procedure page chose the procedure before the card was read. */
    hasPreselectedProcedure: ({ context }) => context.preselectedProcedure !== undefined,
    /**
     * The filed dossier's fee is paid now, at the kiosk (issue 17). False until the core provides
     * the real one: a kiosk without payment configured leaves every fee to the counter.
     */
    feeDueAtKiosk: (_, _params: { receipt: ReceiptView }) => false,
    /** The paid notification is for the dossier on screen, not one of an earlier citizen. */
    paidThisDossier: ({ context, event }) =>
      event.type === 'FEE_PAID' && event.dossierCode === context.receipt?.dossierCode,
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
    /** "Lấy số thứ tự": the counter group the citizen picked. */
    rememberQueueGroup: assign(({ event }) =>
      event.type === 'TAKE_NUMBER' ? { queueGroup: event.group } : {},
    ),
    takeQueueTicket: assign((_, params: { issued: IssuedQueueTicket }) => ({
      queueTicket: params.issued,
    })),
    /**
     * `registry.prefetch`: asks before the choice, under the configured fallback service code, in
     * a child that outlives `identifying` (see `registryBudget`); the answer serves any procedure.
     */
    prefetchRegistry: enqueueActions(({ context, enqueue }) => {
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.spawnChild('lookupRegistry', {
        id: REGISTRY_LOOKUP,
        input: lookupInput(context, 'prefetch'),
      });
      enqueue.assign({ registryAskedFor: 'prefetch' as const });
    }),
    /**
     * Asks for the chosen procedure, its code as the MaDVC. An answer given for another procedure
     * (the citizen went back and chose again) is forgotten first: it served that purpose only.
     */
    askRegistryForProcedure: enqueueActions(({ context, enqueue }) => {
      const purpose = { procedureCode: context.procedure?.code ?? '' };
      const { registry: _forgotten, ...sources } = context.sources;
      const merged = mergedCitizen({ ...context, sources });
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.spawnChild('lookupRegistry', {
        id: REGISTRY_LOOKUP,
        input: lookupInput(context, purpose),
      });
      enqueue.assign({
        registryAskedFor: purpose,
        registry: 'pending' as const,
        registryCard: undefined,
        sources,
        citizen: merged.ok ? merged.citizen : context.citizen,
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
            registryCard: outcome.cardStatus,
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
    /** A registry record closed by death: nobody can apply with it; the citizen goes to the counter. */
    failClosedRecord: assign({
      error: { code: 'REGISTRY_RECORD_CLOSED' },
      citizen: undefined,
      procedure: undefined,
      form: undefined,
    }),
    /** A revoked or cancelled card identifies nobody; what it filled in is forgotten. */
    failRevokedCard: assign({
      error: { code: 'REGISTRY_CARD_REVOKED' },
      citizen: undefined,
      procedure: undefined,
      form: undefined,
    }),
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
    /** A retry reads the document again; nothing the registry said before is kept. */
    clearForRetry: enqueueActions(({ context, enqueue }) => {
      const { registry: _forgotten, ...sources } = context.sources;
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.assign({
        error: undefined,
        progress: 0,
        registry: 'pending' as const,
        registryCard: undefined,
        registryAskedFor: undefined,
        sources,
      });
    }),
    chooseProcedure: assign(({ event }) =>
      event.type === 'SELECT_PROCEDURE'
        ? { procedure: { code: event.code } as ProcedureSummary }
        : {},
    ),
    /** A new procedure's form: no optional paper is brought until the citizen says so. */
    takePreparedForm: assign((_, params: PreparedForm) => ({
      procedure: params.procedure,
      form: params.form,
      optionalPapers: {},
      error: undefined,
    })),
    recordUnknownProcedure: assign({ procedure: undefined, error: { code: 'UNKNOWN_PROCEDURE' } }),
    dropForm: assign({ form: undefined, procedure: undefined, optionalPapers: undefined }),
    /** "Có": the procedure's count of that paper; "Không": none. */
    recordOptionalPaper: assign(({ context, event }) =>
      event.type === 'SET_OPTIONAL_PAPER'
        ? {
            optionalPapers: {
              ...context.optionalPapers,
              [event.index]: event.has
                ? (context.procedure?.documents[event.index]?.copies ?? 0)
                : 0,
            },
          }
        : {},
    ),
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
    takePaymentQr: assign((_, params: { qr: PaymentQrView }) => ({ payment: params.qr })),
    /** The slip says "Đã thanh toán"; the QR leaves the screen. */
    markFeePaid: assign(({ context }) => ({
      payment: undefined,
      receipt: context.receipt?.fee
        ? { ...context.receipt, fee: { ...context.receipt.fee, paid: true } }
        : context.receipt,
    })),
    /** Paid at the counter instead: the slip keeps "Chưa thanh toán". */
    leaveFeeToCounter: assign({ payment: undefined }),
    /** After the payment screen, a printer that failed its check leaves the slip on screen. */
    markReceiptUnprinted: assign(({ context }) => ({
      error: context.printer?.error ?? { code: 'PRINTER_UNAVAILABLE' as const },
    })),
    takeStatus: assign((_, params: { outcome: StatusOutcome }) => ({
      statusResult: params.outcome.kind === 'found' ? params.outcome.status : undefined,
    })),
    /** The procedure page asked for (scanned QR or catalogue); a new one replaces the last. */
    rememberProcedureCode: assign(({ event }) =>
      event.type === 'PROCEDURE_QR' || event.type === 'OPEN_PROCEDURE_INFO'
        ? { procedurePage: { code: event.code } }
        : {},
    ),
    takeProcedureInfo: assign(({ context }, params: { info: ProcedureInfoView | undefined }) => ({
      procedurePage: { ...context.procedurePage, info: params.info },
    })),
    markUnknownProcedure: assign(({ context }) => ({
      procedurePage: { code: context.procedurePage?.code, problem: 'unknownProcedure' as const },
    })),
    markNotProcedureQr: assign({ procedurePage: { problem: 'notProcedure' as const } }),
    forgetProcedurePage: assign({ procedurePage: undefined }),
    /** Like `startIdentification`, keeping the procedure chosen on its page. */
    startIdentificationForProcedure: enqueueActions(({ context, event, enqueue }) => {
      enqueue.stopChild(REGISTRY_LOOKUP);
      enqueue.assign({
        ...emptyContext,
        trigger: triggerOf(event),
        preselectedProcedure: context.procedurePage?.info?.code,
      });
    }),
    /** The preselected procedure is used once: going back from its form shows the catalogue. */
    choosePreselectedProcedure: assign(({ context }) => ({
      procedure: context.preselectedProcedure
        ? ({ code: context.preselectedProcedure } as ProcedureSummary)
        : undefined,
      preselectedProcedure: undefined,
    })),
    /** Only reached once `identityComplete` holds; a later merge keeps the last citizen if not. */
    mergeCitizen: assign({
      citizen: ({ context }) => {
        const merged = mergedCitizen(context);
        return merged.ok ? merged.citizen : context.citizen;
      },
    }),
  },
});
