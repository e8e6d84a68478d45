/**
 * What the renderer sees of the citizen journey: a projection of the core's flow snapshot.
 * The renderer never holds state of its own that the core does not have, so a reload resumes.
 */
import type {
  AssuranceLevel,
  CitizenFacts,
  CitizenRecord,
  FieldIssue,
  FieldValue,
  FormSection,
  LocalizedText,
  Source,
} from '@kiosk/forms/browser';
import type { FeeView } from './fee-view';
import type { PaymentView } from './payment-view';
import type { ConfirmationCommitment } from './confirmation-commitment';
import type { ProcedurePageView } from './procedure-page';
import type { TakingNumberView } from './queue-ticket-view';

/** Every citizen screen of the journey: the one list the chart, the metrics and the prompts use. */
export const JOURNEY_STEPS = [
  'idle',
  'identifying',
  'identifyFailed',
  'choosingProcedure',
  'reviewingForm',
  'confirming',
  'submitting',
  'submitFailed',
  /** After filing, a fee paid at submission: the VietQR, or pay later at the counter (issue 17). */
  'payingFee',
  'printing',
  'printFailed',
  'done',
  'statusLookup',
  /** After the receipt: the satisfaction rating (issue 18). */
  'rating',
  'procedureInfo',
  'takingNumber',
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** Codes of the failures a citizen can see; the renderer translates them. */
export type JourneyErrorCode =
  | 'CARD_READ_FAILED'
  | 'CARD_REMOVED'
  | 'CARD_ACCESS_DENIED'
  | 'CARD_READER_UNAVAILABLE'
  | 'QR_INVALID'
  | 'MRZ_INVALID'
  | 'REGISTRY_UNAVAILABLE'
  | 'REGISTRY_RECORD_CLOSED'
  | 'REGISTRY_CARD_REVOKED'
  | 'SUBMIT_FAILED'
  | 'PRINTER_UNAVAILABLE'
  | 'PRINTER_PAPER_OUT'
  | 'PRINT_FAILED'
  | 'STATUS_NOT_FOUND'
  | 'STATUS_UNAVAILABLE'
  | 'UNKNOWN_PROCEDURE';

export interface JourneyError {
  readonly code: JourneyErrorCode;
  /** Technician detail, English, never personal data. */
  readonly detail?: string;
}

export type IdentificationMethod = 'chip' | 'qr' | 'mrz';

export interface CitizenView {
  readonly record: CitizenRecord;
  readonly provenance: Partial<Record<keyof CitizenRecord, Source>>;
  readonly mismatches: readonly { field: string; values: Partial<Record<Source, string>> }[];
  /** Below `chip-verified` the record holds only what the documents presented. */
  readonly assurance: CitizenFacts['assurance'];
}

export interface ProcedureSummary {
  readonly code: string;
  readonly name: LocalizedText;
  readonly sector: LocalizedText;
  readonly receivingAgency: LocalizedText;
  readonly processingTime: { unit: 'workingHours' | 'calendarDays'; amount: number };
  readonly feeVnd: number;
  /** The fee in full (issue 17); absent from summaries made before fees carried their source. */
  readonly fee?: FeeView;
  /** `optional`: needed only in some cases ("nếu có"); the review screen asks about it. */
  readonly documents: readonly {
    name: LocalizedText;
    copies: number;
    original: boolean;
    optional?: boolean;
  }[];
  readonly rank: number;
  /** Extra search words (other names, abbreviations). */
  readonly keywords: readonly string[];
  /** `electronic`: accepted by the one-stop system; `counter`: by an officer. */
  readonly intake?: 'electronic' | 'counter';
}

export interface FormView {
  readonly procedureCode: string;
  readonly title: LocalizedText;
  readonly sections: readonly FormSection[];
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly provenance: Readonly<Record<string, Source>>;
  readonly missing: readonly string[];
  readonly issues: readonly FieldIssue[];
  /** Field ids the citizen may change (not the ones that came from the chip). */
  readonly editable: readonly string[];
  /**
   * How many edits each field has taken (absent = 0). An edit names the version it was based
   * on and the core refuses it if the field changed since, so a stale tab cannot overwrite.
   */
  readonly versions?: Readonly<Record<string, number>>;
}

/** How many edits a field has taken (see FormView.versions). */
export function fieldVersion(form: Pick<FormView, 'versions'>, fieldId: string): number {
  return form.versions?.[fieldId] ?? 0;
}

/** Receipt content, the same fields the printed slip carries. */
export interface ReceiptView {
  readonly dossierCode: string;
  readonly centreName: string;
  readonly receivingUnit: string;
  readonly applicantName: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly documents: readonly string[];
  readonly processingTime: string;
  readonly receivedAt: string;
  readonly appointmentAt: string;
  readonly collectAt: string;
  readonly status: 'queued' | 'received';
  readonly lookupUrl: string;
  readonly trackingHint: string;
  /**
   * The short code status SMS come from, when the citizen asked for them and the centre set one
   * (`smsShortCode`); the slip's SMS line names it.
   */
  readonly smsShortCode?: string;
  readonly kioskId: string;
  /**
   * How the applicant was identified; below `chip-verified` the officer must see the card.
   * Absent on receipts stored before assurance levels existed (read as unverified).
   */
  readonly identityAssurance?: AssuranceLevel;
  /**
   * `receipt`: the official receipt, printed once the dossier is accepted. `submissionSlip`:
   * the phiếu nộp hồ sơ of a counter intake (or of an electronic one not accepted yet), never
   * a receipt. Absent on receipts stored before intake modes existed (read as `receipt`).
   */
  readonly kind?: 'receipt' | 'submissionSlip';
  readonly intake?: 'electronic' | 'counter';
  /** Where the acceptance stands; absent on older receipts. */
  readonly acceptance?: ReceiptAcceptance;
  /** The counter queue number of a phiếu nộp hồ sơ. */
  readonly queueNumber?: string;
  /** The counter group that calls `queueNumber` ("Hộ tịch - Quầy 3, 4"). */
  readonly queueCounter?: string;
  /** The papers with their counts: received (receipt) or to bring (phiếu). */
  readonly papers?: readonly ReceiptPaper[];
  /** Số lượng hồ sơ (bộ). */
  readonly sets?: number;
  readonly applicantAddress?: string;
  readonly applicantPhone?: string;
  readonly applicantEmail?: string;
  /** The procedure's fee in đồng (0 = none) and whether it was paid at the kiosk. */
  readonly fee?: { readonly amountVnd: number; readonly paid: boolean };
  /** The appointment rests on a holiday table not yet confirmed: printed "dự kiến". */
  readonly appointmentProvisional?: boolean;
  /** A same-day procedure: printed "Trong ngày". */
  readonly sameDay?: boolean;
  /** Which official form the receipt follows. */
  readonly receiptForm?: 'onestop-01' | 'residence-ct04';
}

export interface ReceiptPaper {
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
}

export type ReceiptAcceptance =
  | { readonly state: 'pending' }
  | {
      readonly state: 'accepted';
      readonly officer: string;
      readonly acceptedAt?: string;
      readonly registerBook?: string;
      readonly registerEntry?: string;
    }
  | { readonly state: 'refused'; readonly reason: string };

export interface DossierStatusView {
  readonly dossierCode: string;
  readonly status: string;
  readonly procedureName?: string;
  readonly appointmentAt?: string;
  readonly updatedAt?: string;
  /**
   * Set when this lookup found the dossier newly accepted: the kiosk printed the official
   * receipt (true) or could not (false, the counter reprints it).
   */
  readonly receiptPrinted?: boolean;
  /** Why the dossier was refused. */
  readonly reason?: string;
  /** What happened to the dossier so far, oldest first, as the one-stop system recorded it. */
  readonly history?: readonly DossierHistoryStep[];
  /** The fee the dossier carries and whether it is settled; absent when the system says none. */
  readonly fee?: DossierFeeStatus;
  /** The one-stop system says the result can be collected now. */
  readonly collectable?: boolean;
  /**
   * The signed receipt PDF the portal keeps for the dossier, checked by the kiosk against the
   * centre's CA (issue 17); absent when the portal has none or it could not be fetched.
   */
  readonly receiptSignature?: 'valid' | 'invalid' | 'unsigned';
}

/** One step of a dossier's history: a status code of `DossierStatusView` and when. */
export interface DossierHistoryStep {
  /** `submitted`, or a dossier status (`received`, `processing`, `done`, ...). */
  readonly status: string;
  /** ISO 8601. */
  readonly at: string;
}

export interface DossierFeeStatus {
  readonly amountVnd: number;
  readonly state: 'free' | 'paid' | 'unpaid';
}

export type CardReaderAvailability = 'ready' | 'unavailable';

export interface JourneyView {
  readonly step: JourneyStep;
  /** Sub-phase while identifying, for the progress bar. */
  readonly identifying?: {
    readonly method: IdentificationMethod;
    readonly phase: 'reading' | 'lookingUp';
    readonly progress: number;
  };
  readonly attention: 'dormant' | 'watching' | 'warning';
  /** Seconds the inactivity warning lasts before the reset. */
  readonly warningSeconds: number;
  readonly citizen?: CitizenView;
  /**
   * What the population registry made of the citizen. `late`: it did not answer within its
   * budget, so the journey went on with the card's data (not confirmed by the registry); a later
   * answer still fills the form.
   */
  readonly registry: 'pending' | 'found' | 'notFound' | 'unavailable' | 'skipped' | 'late';
  /**
   * Between the choice of a procedure and its form: the registry is being asked for that
   * procedure (at most its budget, a few seconds). The screen says "đang tra cứu".
   */
  readonly lookingUp?: true;
  readonly procedure?: ProcedureSummary;
  /** Only while confirming: what submitting now commits the citizen to. */
  readonly commitment?: ConfirmationCommitment;
  readonly form?: FormView;
  /**
   * The optional papers ("nếu có") the citizen said they bring, by index in
   * `procedure.documents`, with how many (the procedure's count); absent or 0 = not brought.
   */
  readonly optionalPapers?: Readonly<Record<number, number>>;
  readonly receipt?: ReceiptView;
  readonly printerReady: boolean;
  /**
   * Whether a card placed on the reader can be read now (pcscd running, reader attached). A
   * device fact, no personal data: the idle screen offers the QR and the camera MRZ instead.
   */
  readonly cardReader: CardReaderAvailability;
  readonly error?: JourneyError;
  readonly statusLookup?: {
    readonly phase: 'entering' | 'looking' | 'found' | 'notFound' | 'unavailable';
    readonly result?: DossierStatusView;
  };
  /** Only on the procedure page (`procedureInfo`): what it shows. */
  readonly procedurePage?: ProcedurePageView;
  /** "Lấy số thứ tự": a queue number without a dossier. */
  readonly takingNumber?: TakingNumberView;
  /** Only on the payment screen (`payingFee`). */
  readonly payment?: PaymentView;
}
