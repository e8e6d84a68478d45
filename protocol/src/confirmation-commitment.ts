import type { LocalizedText } from '@kiosk/forms/browser';

/**
 * What the confirmation screen tells the citizen they commit to before submitting (issue 21):
 * when the result is expected, the papers to bring and where to go next. The fee comes with the
 * procedure summary.
 */
export interface ConfirmationCommitment {
  /**
   * The appointment (ngày hẹn trả) the dossier would get if submitted now, ISO 8601 with +07:00,
   * from the same calculator the receipt uses; absent when it cannot be computed.
   */
  readonly expectedAppointmentIso?: string;
  /**
   * The papers of this dossier: every required one and the optional ones ("nếu có") the citizen
   * said they have, with their counts; absent from commitments made before the question.
   */
  readonly papers?: readonly CommitmentPaper[];
}

/** A paper of the dossier as the confirmation screen lists it. */
export interface CommitmentPaper {
  readonly name: LocalizedText;
  readonly copies: number;
  /** `true`: bản chính; `false`: bản sao. */
  readonly original: boolean;
}
