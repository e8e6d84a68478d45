/**
 * What the confirmation screen tells the citizen they commit to before submitting (issue 21):
 * when the result is expected, and where to go next. The fee and the papers come with the
 * procedure summary.
 */
export interface ConfirmationCommitment {
  /**
   * The appointment (ngày hẹn trả) the dossier would get if submitted now, ISO 8601 with +07:00,
   * from the same calculator the receipt uses; absent when it cannot be computed.
   */
  readonly expectedAppointmentIso?: string;
}
