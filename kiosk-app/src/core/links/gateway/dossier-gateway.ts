import type { AssuranceLevel, CitizenRecord, FieldValue, IntakeMode } from '@kiosk/forms';
import type { SmsSubscription } from '../../sms';

/** A dossier as the kiosk hands it to the one-stop system (hệ thống một cửa điện tử). */
export interface Dossier {
  /** `<receiving unit code>-YYMMDD-NNNN`, issued by the kiosk. */
  readonly code: string;
  readonly procedureCode: string;
  /** ISO 8601 with +07:00. */
  readonly receivedAt: string;
  readonly appointmentAt?: string;
  readonly applicant: CitizenRecord;
  readonly form: Readonly<Record<string, FieldValue>>;
  /**
   * How the applicant was identified at the kiosk; below `chip-verified` the officer must see
   * the original card. Absent on dossiers queued before assurance levels existed.
   */
  readonly identityAssurance?: AssuranceLevel;
  /**
   * How the dossier is received: `electronic` (the one-stop system accepts it by itself) or
   * `counter` (an officer accepts it after seeing the papers). Absent on older dossiers.
   */
  readonly intake?: IntakeMode;
  /** The citizen agreed to hear of status changes by SMS at this number (issue 18). */
  readonly smsSubscription?: SmsSubscription;
}

/** The usual life of a dossier at the service centre. */
export const DOSSIER_STATUSES = [
  /** Submitted, not yet accepted: no receipt may be printed (Nghị định 118/2025/NĐ-CP). */
  'awaitingAcceptance',
  /** The one-stop system or the officer refused to accept it. */
  'refused',
  'received',
  'processing',
  'needsMoreDocuments',
  'done',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** What the one-stop system says of the acceptance: who, when, the register entry, or why not. */
export interface AcceptanceDetails {
  /** The receiving officer's name; "Tiếp nhận tự động" for an electronic acceptance. */
  readonly officer?: string;
  readonly acceptedAt?: string;
  /** Sổ theo dõi hồ sơ: book (quyển số) and entry (số thứ tự). */
  readonly registerBook?: string;
  readonly registerEntry?: string;
  /** Why it was refused. */
  readonly reason?: string;
}

export type GatewayUnavailableReason =
  | 'timeout'
  | 'network'
  | 'server-error'
  | 'throttled'
  | 'circuit-open'
  | 'auth'
  | 'malformed-response'
  /** No portal endpoint is set (a technician removed it). */
  | 'not-configured';

export type SubmitResult =
  | {
      readonly kind: 'accepted';
      readonly code: string;
      readonly status: DossierStatus;
      /** The gateway had this idempotency key already: this is the earlier acknowledgement. */
      readonly duplicate: boolean;
    }
  /** Refused for good (invalid dossier, key reused for another dossier): retrying will not help. */
  | { readonly kind: 'rejected'; readonly httpStatus: number; readonly message: string }
  | {
      readonly kind: 'unavailable';
      readonly reason: GatewayUnavailableReason;
      readonly message: string;
    };

export type StatusResult =
  | {
      readonly kind: 'found';
      readonly code: string;
      readonly status: DossierStatus;
      readonly appointmentAt?: string;
      readonly updatedAt?: string;
      readonly acceptance?: AcceptanceDetails;
    }
  | { readonly kind: 'notFound' }
  | {
      readonly kind: 'unavailable';
      readonly reason: GatewayUnavailableReason;
      readonly message: string;
    };

export interface DossierGateway {
  /**
   * Submits a dossier. The gateway deduplicates by `idempotencyKey`: sending the same key again
   * returns the first acknowledgement, so the outbox may resend after any failure.
   */
  submit(dossier: Dossier, idempotencyKey: string): Promise<SubmitResult>;
  status(code: string): Promise<StatusResult>;
}
