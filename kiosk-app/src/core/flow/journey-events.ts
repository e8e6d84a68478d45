import type { AssuranceLevel, CitizenRecord, FieldValue } from '@kiosk/forms';
import type { JourneyError, RatingReason, ReceiptView, SatisfactionLevel } from '@kiosk/protocol';
import type { ProcedureQrErrorCode } from '../procedure-qr';

/** How an identification started. Keys for the chip come from an MRZ or the card's QR. */
export type IdentificationTrigger =
  | {
      readonly method: 'chip';
      readonly reader: string;
      readonly mrz?: string;
      readonly qr?: string;
    }
  | { readonly method: 'qr'; readonly text: string }
  | { readonly method: 'mrz'; readonly text: string };

/** Partial records per source, merged once identification is complete. */
export interface IdentitySources {
  readonly chip?: Partial<CitizenRecord>;
  readonly qr?: Partial<CitizenRecord>;
  readonly mrz?: Partial<CitizenRecord>;
  readonly registry?: Partial<CitizenRecord>;
}

/** Events from devices (the device manager sends these into the flow). */
export type DeviceEvent =
  | { type: 'CARD_PRESENTED'; reader: string; mrz?: string }
  | { type: 'CARD_REMOVED' }
  | { type: 'QR_IDENTITY'; text: string }
  | { type: 'MRZ_READ'; text: string }
  | { type: 'RECEIPT_QR'; code: string }
  /** A posted procedure QR (the national portal's page of a procedure) was scanned. */
  | { type: 'PROCEDURE_QR'; code: string }
  /** A web address that is no procedure page was scanned; `reason` is for technicians. */
  | { type: 'PROCEDURE_QR_INVALID'; reason: ProcedureQrErrorCode };

/** Events from the citizen (through the API). */
export type CitizenEvent =
  | { type: 'ACTIVITY' }
  | { type: 'CANCEL' }
  | { type: 'SELECT_PROCEDURE'; code: string }
  /** `version`: the field's version the edit was based on (see FormView.versions). */
  | { type: 'UPDATE_FIELD'; fieldId: string; value: FieldValue; version: number }
  /** Whether the citizen has the optional paper at `index` of the procedure's documents. */
  | { type: 'SET_OPTIONAL_PAPER'; index: number; has: boolean }
  | { type: 'CONTINUE' }
  | { type: 'BACK' }
  | { type: 'CONFIRM' }
  | { type: 'RETRY' }
  | { type: 'USE_OTHER_METHOD' }
  | { type: 'FINISH' }
  | { type: 'OPEN_STATUS_LOOKUP' }
  | { type: 'OPEN_TAKE_NUMBER' }
  /** `group`: a counter group's code. */
  | { type: 'TAKE_NUMBER'; group: string }
  | { type: 'LOOKUP_STATUS'; code: string }
  /** The satisfaction rating after the receipt (issue 18). */
  | {
      type: 'RATE';
      level: SatisfactionLevel;
      reasons: readonly RatingReason[];
      comment: string;
    }
  | { type: 'SKIP_RATING' }
  /** Issue 18: the procedure catalogue without a card, one procedure's page, "Nộp hồ sơ". */
  | { type: 'OPEN_PROCEDURE_CATALOGUE' }
  | { type: 'OPEN_PROCEDURE_INFO'; code: string }
  | { type: 'START_SUBMISSION' }
  /** Issue 17: "Thanh toán sau tại quầy" on the payment screen. */
  | { type: 'PAY_LATER' };

/** Events the document-reading actor sends back while it works. */
export type DocumentEvent =
  /**
   * The personal ID is known (the chip's read goes on); the name and full date of birth the
   * document presented come with it when known, so the registry can be asked at once.
   */
  | { type: 'document.idKnown'; personalId: string; fullName?: string; dateOfBirth?: string }
  | { type: 'document.progress'; progress: number }
  | {
      type: 'document.read';
      method: 'chip' | 'qr' | 'mrz';
      record: Partial<CitizenRecord>;
      /** Everything the document gave, per source (the chip read may also have used the QR). */
      sources: IdentitySources;
      /** How far the document proves who the holder is. */
      assurance: AssuranceLevel;
    }
  | { type: 'document.failed'; error: JourneyError };

/** Events the core itself sends (never mapped from an API message). */
export type CoreEvent =
  /**
   * At start: a receipt filed minutes before the core stopped was never printed, so its
   * citizen may be standing at the kiosk not knowing the dossier was filed (issue 24).
   */
  | { type: 'RESUME_RECEIPT'; receipt: ReceiptView }
  /** The payment platform's checked notification: the fee of this dossier is paid (issue 17). */
  | { type: 'FEE_PAID'; dossierCode: string };

export type JourneyEvent = DeviceEvent | CitizenEvent | DocumentEvent | CoreEvent;
