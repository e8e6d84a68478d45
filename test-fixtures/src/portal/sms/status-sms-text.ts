import type { PortalStatus } from '../portal-statuses';

/**
 * The status text a subscribed citizen receives: the dossier code and the new status, nothing
 * else personal (no name, no ID, no address).
 *
 * Written without diacritics, in the GSM 7-bit default alphabet, one SMS of at most 160
 * characters. A single Vietnamese diacritic would switch the whole message to UCS-2, where one
 * SMS holds 70 characters, and SMS brand-name providers in Vietnam accept or price only
 * unaccented text (intercom.com.vn/quy-dinh-gui-tin.html: "không cho phép gửi tin nhắn chứa ...
 * các kí tự unicode (... Tiếng Việt ...)", 160 characters per message for unaccented text;
 * smsthuonghieu.com/dich-vu-sms-unicode: 160 GSM characters vs 70 Unicode per SMS). The text is
 * written here with its accents, for the reader, and stripped by {@link unaccented}.
 */
const STATUS_TEXT: Readonly<Record<PortalStatus, string>> = {
  awaitingAcceptance: 'đang chờ tiếp nhận',
  refused: 'không được tiếp nhận, mời ông/bà liên hệ Bộ phận Một cửa',
  received: 'đã được tiếp nhận',
  processing: 'đang được giải quyết',
  needsMoreDocuments: 'cần bổ sung giấy tờ, mời ông/bà liên hệ Bộ phận Một cửa',
  done: 'đã có kết quả, mời ông/bà đến nhận theo phiếu hẹn',
  returned: 'bị trả lại, mời ông/bà liên hệ Bộ phận Một cửa',
};

/** One SMS in the GSM 7-bit alphabet (3GPP TS 23.038, TS 23.040 §9.2.3.16: 140 octets). */
export const SMS_MAX_SEPTETS = 160;

/**
 * Codes the kiosk issues: `<unit code>-YYMMDD-NNNN`, the unit code up to 30 characters of
 * A–Z, 0–9 and dots (kiosk-app core/dossier-code/dossier-code-format.ts). Anything else is not
 * subscribed, so every message fits one SMS.
 */
export const SUBSCRIBABLE_CODE = /^[A-Z0-9][A-Z0-9.]{0,29}-\d{6}-\d{4}$/;

/** Vietnamese without diacritics: decomposed, combining marks dropped, đ → d. */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** "Ho so H01-261207-0001 da duoc tiep nhan. Tra cuu bang ma ho so." */
export function statusSmsText(code: string, status: PortalStatus): string {
  if (!SUBSCRIBABLE_CODE.test(code)) throw new Error(`not a dossier code: ${code}`);
  return unaccented(`Hồ sơ ${code} ${STATUS_TEXT[status]}. Tra cứu bằng mã hồ sơ.`);
}
