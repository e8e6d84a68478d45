import { z } from 'zod';
import { NATIONAL_PROCEDURE_CODE, parseProcedureCode } from '@kiosk/forms';

/**
 * The QR codes a centre posts beside its published procedures: the national public service
 * portal's (Cổng Dịch vụ công quốc gia) page of one procedure, keyed by its national code (mã
 * thủ tục hành chính, `d.dddddd`).
 *
 * URL shapes, as public crawlers and catalogues of the portal use them (seen with the search
 * tool; the portal itself was not reachable from the build machine):
 * - `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193`
 * - `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222`
 *   (procedures of a ministry's own system, e.g. residence)
 * - hosts `vpcp.dichvucong.gov.vn` and `thutuc.dichvucong.gov.vn` serve the same pages;
 * - a province's copy of a procedure carries a local suffix, `2.000815.000.00.00.H55`
 *   (code, then `.000.00.00.` and the province's unit letter and number): the national code
 *   is its first part;
 * - `…/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=7603` takes the portal's internal
 *   record number, not the code: the kiosk cannot map it and says so.
 */
export const PORTAL_HOST = 'dichvucong.gov.vn';
export const PROCEDURE_PAGE = '/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html';
export const MINISTRY_PROCEDURE_PAGE = '/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html';
export const INTERNAL_ID_PAGE = '/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html';
export const PROCEDURE_CODE_PARAM = 'ma_thu_tuc';

/** Longest text taken from the scanner as a procedure URL; a poster's QR is far shorter. */
export const PROCEDURE_QR_MAX_LENGTH = 2048;

export { NATIONAL_PROCEDURE_CODE };

export type ProcedureQrErrorCode =
  | 'PROCEDURE_QR_NOT_URL'
  | 'PROCEDURE_QR_NOT_PORTAL'
  | 'PROCEDURE_QR_NOT_PROCEDURE_PAGE'
  | 'PROCEDURE_QR_PORTAL_ID'
  | 'PROCEDURE_QR_NO_CODE'
  | 'PROCEDURE_QR_BAD_CODE';

/** A scanned text that is not a procedure page of the national portal; `code` says why. */
export class ProcedureQrError extends Error {
  override readonly name = 'ProcedureQrError';
  constructor(
    readonly code: ProcedureQrErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ProcedureQr {
  /** The national procedure code, `d.dddddd`. */
  readonly code: string;
  /** The province's local code when the URL carried one. */
  readonly localCode?: string;
}

const scannedText = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1).max(PROCEDURE_QR_MAX_LENGTH));

const webUrl = z.string().transform((text, ctx) => {
  if (/\s/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'contains white space' });
    return z.NEVER;
  }
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // falls through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: 'not an http(s) URL' });
  return z.NEVER;
});

function isPortalHost(url: URL): boolean {
  return (
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    (url.hostname === PORTAL_HOST || url.hostname.endsWith(`.${PORTAL_HOST}`))
  );
}

/** Whether the scanned text is a web address at all (a CCCD's QR never is). */
export function isWebAddress(text: string): boolean {
  const parsed = scannedText.safeParse(text);
  return parsed.success && webUrl.safeParse(parsed.data).success;
}

/**
 * Reads a scanned procedure QR. Throws `ProcedureQrError` for anything else: never another
 * error, whatever the text.
 */
export function parseProcedureQr(text: string): ProcedureQr {
  const trimmed = scannedText.safeParse(text);
  const url = trimmed.success ? webUrl.safeParse(trimmed.data) : undefined;
  if (!url?.success) throw new ProcedureQrError('PROCEDURE_QR_NOT_URL', 'not an http(s) URL');
  if (!isPortalHost(url.data))
    throw new ProcedureQrError('PROCEDURE_QR_NOT_PORTAL', 'not the national portal');
  const path = url.data.pathname;
  if (path === INTERNAL_ID_PAGE)
    throw new ProcedureQrError(
      'PROCEDURE_QR_PORTAL_ID',
      'the page is keyed by the portal record number, not by the procedure code',
    );
  if (path !== PROCEDURE_PAGE && path !== MINISTRY_PROCEDURE_PAGE)
    throw new ProcedureQrError('PROCEDURE_QR_NOT_PROCEDURE_PAGE', 'not a procedure page');
  const values = url.data.searchParams.getAll(PROCEDURE_CODE_PARAM);
  if (values.length === 0)
    throw new ProcedureQrError('PROCEDURE_QR_NO_CODE', `no ${PROCEDURE_CODE_PARAM} parameter`);
  const value = values.length === 1 ? (values[0] ?? '') : '';
  const parts = parseProcedureCode(value);
  if (!parts)
    throw new ProcedureQrError(
      'PROCEDURE_QR_BAD_CODE',
      `${PROCEDURE_CODE_PARAM} is not one procedure code of the form d.dddddd`,
    );
  return parts.localSuffix ? { code: parts.national, localCode: value } : { code: parts.national };
}

/** The national portal's page of a procedure, for the QR the citizen takes to a phone. */
export function procedurePortalUrl(code: string): string {
  if (!NATIONAL_PROCEDURE_CODE.test(code))
    throw new RangeError(`${code} is not a national procedure code (d.dddddd)`);
  const url = new URL(`https://${PORTAL_HOST}${PROCEDURE_PAGE}`);
  url.searchParams.set(PROCEDURE_CODE_PARAM, code);
  return url.toString();
}
