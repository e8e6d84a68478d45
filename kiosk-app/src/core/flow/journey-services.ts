/**
 * The contracts of the actors the journey invokes. The chart only knows these shapes; the core
 * provides real implementations (drivers, clients, store) with `machine.provide({ actors })`,
 * tests provide twins.
 */
import type { CitizenFacts, CitizenRecord } from '@kiosk/forms';
import type {
  RatingReason,
  SatisfactionLevel,
  DossierStatusView,
  FormView,
  JourneyError,
  ProcedureSummary,
  QueueTicketView,
  ReceiptView,
} from '@kiosk/protocol';
import type { RegistryCardStatus } from '../links/registry/population-registry';
import type { IdentificationTrigger } from './journey-events';

export interface ReadDocumentInput {
  readonly trigger: IdentificationTrigger;
}

export type RegistryOutcome =
  | {
      readonly kind: 'found';
      readonly record: Partial<CitizenRecord>;
      /** The card's status in the registry (see `RegistryCardStatus`). */
      readonly cardStatus?: RegistryCardStatus;
    }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** As the national API is asked: no record unless all three match the same citizen. */
export interface LookupRegistryInput {
  readonly personalId: string;
  /** As the document presented it (an MRZ's has no diacritics). */
  readonly fullName: string;
  /** ISO `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
  /**
   * The chosen procedure's national code (mã thủ tục, `1.001612`), sent as the request's MaDVC:
   * the registry is asked for the purpose the citizen chose. Absent for a prefetch
   * (`registry.prefetch`), which is made before the choice under the configured fallback code.
   */
  readonly procedureCode?: string;
}

export interface PrepareFormInput {
  readonly procedureCode: string;
  readonly citizen: CitizenFacts;
}

export interface PreparedForm {
  readonly procedure: ProcedureSummary;
  readonly form: FormView;
}

export interface ValidateFormInput {
  /** The form as the citizen left it (values, provenance, sections). */
  readonly form: FormView;
}

export interface ValidatedForm {
  readonly valid: boolean;
  readonly form: FormView;
}

export interface PrinterCheck {
  readonly ready: boolean;
  readonly error?: JourneyError;
  /** The paper sensor, where the printer reports one (ESC/POS status). */
  readonly paper?: 'ok' | 'near-end' | 'out';
}

export interface SubmitDossierInput {
  readonly procedureCode: string;
  readonly citizen: CitizenFacts;
  readonly form: FormView;
  /** The optional papers the citizen said they bring (index in the documents → count). */
  readonly optionalPapers?: Readonly<Record<number, number>>;
}

/** The fee of a filed dossier, asked for on the payment screen (issue 17). */
export interface RequestPaymentInput {
  readonly receipt: ReceiptView;
}

export interface PrintReceiptInput {
  readonly receipt: ReceiptView;
}

export interface LookupStatusInput {
  readonly code: string;
}

/** A rating to store for the portal; the comment is still as the citizen typed it. */
export interface RecordRatingInput {
  readonly dossierCode: string;
  readonly level: SatisfactionLevel;
  readonly reasons: readonly RatingReason[];
  readonly comment: string;
}

export type StatusOutcome =
  | { readonly kind: 'found'; readonly status: DossierStatusView }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'unavailable' };

export interface IssueQueueTicketInput {
  /** The counter group's code. */
  readonly group: string;
}

/** A "Lấy số thứ tự" number and whether its ticket came out of the printer. */
export interface IssuedQueueTicket {
  readonly ticket: QueueTicketView;
  readonly printed: boolean;
}
