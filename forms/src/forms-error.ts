/** Errors of the forms engine, with a stable code the kiosk core can branch on. */
export type FormsErrorCode =
  'PROCEDURE_NOT_FOUND' | 'UNKNOWN_FIELD' | 'FORM_INCOMPLETE' | 'FORM_INVALID' | 'CITIZEN_INVALID';

export class FormsError extends Error {
  override readonly name = 'FormsError';

  constructor(
    readonly code: FormsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
