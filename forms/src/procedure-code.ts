/**
 * The national procedure code (mã thủ tục hành chính) the National Database on Administrative
 * Procedures gives each procedure, `d.dddddd` (e.g. `1.004222`): the catalogue's `code`, the
 * national portal's `ma_thu_tuc`, and the MaDVC a registry lookup for that procedure is sent with.
 */
export const NATIONAL_PROCEDURE_CODE = /^\d\.\d{6}$/;

/** Whether `code` is a national procedure code, `d.dddddd`. */
export function isNationalProcedureCode(code: string): boolean {
  return NATIONAL_PROCEDURE_CODE.test(code);
}
