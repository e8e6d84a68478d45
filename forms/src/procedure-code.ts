/**
 * Procedure codes. The national code (mã thủ tục hành chính) the National Database on
 * Administrative Procedures gives each procedure is `d.dddddd` (e.g. `1.004222`): the catalogue's
 * `code`, the national portal's `ma_thu_tuc`, and the MaDVC a registry lookup for that procedure
 * is sent with.
 *
 * A province's one-stop system keeps its own copy of each procedure under a local code: the
 * national code extended with `.000.00.00.` and the province's unit letter and number
 * (`1.001612.000.00.00.H48`), the same shape as its agency codes (`000.00.53.H48`). Seen with the
 * search tool (public code on GitHub, December 2026, not on the systems themselves): a client of
 * Quảng Ngãi's VNPT iGate one-stop system files a dossier with procedure code
 * `1.001612.000.00.00.H48`; a dossier synchronisation for another province compares its
 * MaDichVu with `3.000181.000.00.00.H22`; Ho Chi Minh City's public service portal and Lào Cai's
 * (dichvucong.hochiminhcity.gov.vn, dichvucong.laocai.gov.vn) name procedures
 * `1.000494.000.00.00.H29` and `1.011442.000.00.00.H38`; the national portal's own pages take a
 * local code in `ma_thu_tuc` too (`2.000815.000.00.00.H55`).
 */
export const NATIONAL_PROCEDURE_CODE = /^\d\.\d{6}$/;

/** The local suffix a centre's configuration gives, e.g. `000.00.00.H56`. */
export const LOCAL_CODE_SUFFIX = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** A national code, optionally with a local suffix: group 1 the national code, 2 the suffix. */
const PROCEDURE_CODE = /^(\d\.\d{6})(?:\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}))?$/;

/** Whether `code` is a national procedure code, `d.dddddd`. */
export function isNationalProcedureCode(code: string): boolean {
  return NATIONAL_PROCEDURE_CODE.test(code);
}

/** A procedure code split into its national part and, for a local code, its suffix. */
export interface ProcedureCodeParts {
  readonly national: string;
  readonly localSuffix?: string;
}

/** `1.001612` or `1.001612.000.00.00.H56` split; undefined for anything else. */
export function parseProcedureCode(code: string): ProcedureCodeParts | undefined {
  const match = PROCEDURE_CODE.exec(code);
  const national = match?.[1];
  if (!match || !national) return undefined;
  const localSuffix = match[2];
  return localSuffix ? { national, localSuffix } : { national };
}

/**
 * The code a province's one-stop system knows the procedure by: the national code with the
 * centre's local suffix, or the national code alone when the centre has none.
 */
export function localProcedureCode(national: string, localSuffix?: string): string {
  if (!isNationalProcedureCode(national))
    throw new RangeError(`not a national procedure code: ${national}`);
  if (localSuffix === undefined) return national;
  if (!LOCAL_CODE_SUFFIX.test(localSuffix))
    throw new RangeError(`not a local procedure code suffix: ${localSuffix}`);
  return `${national}.${localSuffix}`;
}
