import { fromCallback, fromPromise } from 'xstate';
import type { PaymentQrView, ProcedureInfoView, ReceiptView } from '@kiosk/protocol';
import { describeProcedure } from '../procedures/procedure-info';
import type { DocumentEvent } from './journey-events';
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
import type { DossierStatusPort, IdentityReader, ReceiptPrinterPort, RegistryPort } from '../ports';
import { JourneyFailure } from '../ports';
import type { ProcedureService } from '../procedures/procedure-service';
import type { Logger } from '../log/logger';
import { cardNotInForce } from '../links/registry/population-registry';

export interface JourneyActorDeps {
  readonly identity: IdentityReader;
  readonly registry: RegistryPort;
  readonly procedures: ProcedureService;
  readonly printer: ReceiptPrinterPort;
  readonly status: DossierStatusPort;
  readonly submit: (input: SubmitDossierInput) => Promise<ReceiptView>;
  /** "Lấy số thứ tự": issues a number for a counter group and prints its ticket. */
  readonly issueQueueTicket: (input: IssueQueueTicketInput) => Promise<IssuedQueueTicket>;
  /** Stores a satisfaction rating for the portal (the rating outbox). */
  readonly rate?: (input: RecordRatingInput) => void;
  /** Issue 17: opens the VietQR payment of a filed dossier's fee (KioskPayments.request). */
  readonly requestPayment?: (receipt: ReceiptView) => Promise<PaymentQrView>;
  readonly logger: Logger;
}

/** The real implementations of the journey's actors, built from the core's ports. */
export function journeyActors(deps: JourneyActorDeps) {
  const { logger } = deps;
  return {
    readDocument: fromCallback<DocumentEvent, ReadDocumentInput>(({ input, sendBack }) => {
      const abort = new AbortController();
      const started = performance.now();
      deps.identity
        .read(input.trigger, sendBack, abort.signal)
        .then(() =>
          logger.info('identity.read', {
            method: input.trigger.method,
            ms: Math.round(performance.now() - started),
          }),
        )
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          const journeyError =
            error instanceof JourneyFailure
              ? error.error
              : {
                  code: 'CARD_READ_FAILED' as const,
                  detail: error instanceof Error ? error.message : String(error),
                };
          logger.warn('identity.failed', { method: input.trigger.method, code: journeyError.code });
          sendBack({ type: 'document.failed', error: journeyError });
        });
      return () => abort.abort();
    }),
    lookupRegistry: fromPromise<RegistryOutcome, LookupRegistryInput>(async ({ input }) => {
      const outcome = await deps.registry.lookup(input);
      logger.info('registry.lookup', { outcome: outcome.kind });
      if (outcome.kind === 'found' && cardNotInForce(outcome.cardStatus)) {
        logger.warn('registry.card-not-in-force', {
          cardStatus: outcome.cardStatus,
          detail: 'the registry records the card as revoked or cancelled; the journey stops',
        });
      } else if (outcome.kind === 'found' && outcome.cardStatus === 'unknown') {
        logger.warn('registry.card-status-unknown', {
          detail: 'the registry sent a card status this kiosk does not know; the journey goes on',
        });
      }
      return outcome;
    }),
    prepareForm: fromPromise<PreparedForm, PrepareFormInput>(async ({ input }) =>
      deps.procedures.prepare(input.procedureCode, input.citizen),
    ),
    validateForm: fromPromise<ValidatedForm, ValidateFormInput>(async ({ input }) =>
      deps.procedures.validate(input.form.procedureCode, input.form.values, input.form),
    ),
    checkPrinter: fromPromise<PrinterCheck, undefined>(async () => {
      const check = await deps.printer.check();
      logger.info('printer.check', { ready: check.ready, code: check.error?.code });
      return check;
    }),
    submitDossier: fromPromise<ReceiptView, SubmitDossierInput>(async ({ input }) =>
      deps.submit(input),
    ),
    printReceipt: fromPromise<undefined, PrintReceiptInput>(async ({ input }) => {
      await deps.printer.print(input.receipt);
      logger.info('printer.printed', { dossier: input.receipt.dossierCode });
      return undefined;
    }),
    issueQueueTicket: fromPromise<IssuedQueueTicket, IssueQueueTicketInput>(async ({ input }) =>
      deps.issueQueueTicket(input),
    ),
    lookupStatus: fromPromise<StatusOutcome, LookupStatusInput>(async ({ input }) => {
      try {
        const result = await deps.status.status(input.code);
        return result === 'notFound' ? { kind: 'notFound' } : { kind: 'found', status: result };
      } catch {
        return { kind: 'unavailable' };
      }
    }),
    recordRating: fromPromise<undefined, RecordRatingInput>(async ({ input }) => {
      if (!deps.rate) throw new Error('no rating outbox is wired');
      deps.rate(input);
      logger.info('rating.stored', { dossier: input.dossierCode, level: input.level });
      return undefined;
    }),
    requestPayment: fromPromise<PaymentQrView, RequestPaymentInput>(async ({ input }) => {
      if (!deps.requestPayment) throw new Error('no payment is configured');
      try {
        return await deps.requestPayment(input.receipt);
      } catch (error) {
        logger.warn('payment.requestFailed', {
          dossier: input.receipt.dossierCode,
          reason: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    }),
    describeProcedure: fromPromise<ProcedureInfoView | undefined, { code: string }>(
      async ({ input }) => {
        const page = describeProcedure(deps.procedures.procedures, input.code);
        logger.info('procedure.page', { code: input.code, found: page !== undefined });
        return page;
      },
    ),
  };
}
