import { formatVnd, type AssuranceLevel } from '@kiosk/forms';
import { parseReceiptSlip, type ReceiptSlip } from '@kiosk/printer';
import type { ReceiptView } from '@kiosk/protocol';
import type { PrintOptions } from '../ports';

/** The slip's "Trạng thái" line for each state of the dossier at print time. */
export const RECEIPT_STATUS_TEXT: Readonly<Record<ReceiptView['status'], string>> = {
  received: 'Đã tiếp nhận',
  // Written to the outbox, not yet acknowledged by the one-stop system (sent when online).
  queued: 'Đã tiếp nhận, đang chuyển lên hệ thống một cửa',
};

/** The status line of a phiếu nộp hồ sơ: it is never a receipt. */
export const SUBMISSION_STATUS_TEXT = {
  counter: 'Chờ tiếp nhận tại quầy: cán bộ kiểm tra giấy tờ rồi in giấy tiếp nhận',
  electronic: 'Chờ tiếp nhận: hệ thống một cửa chưa tiếp nhận hồ sơ',
  refused: 'Không được tiếp nhận',
} as const;

/** What the form calls each receipt: the one-stop Mẫu số 01 or the police's CT04. */
export const RECEIPT_FORMS = {
  // Mẫu số 01 of Thông tư 01/2018/TT-VPCP. Nghị định 118/2025/NĐ-CP replaced Nghị định
  // 61/2018 and 107/2021 from 1/7/2025; whether its guiding circular replaced this form could
  // not be confirmed from the sources at hand, so the 2018 form stays (unconfirmed).
  'onestop-01': {
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    reference: 'Mẫu số 01 - Thông tư 01/2018/TT-VPCP',
  },
  // Thông tư 66/2023/TT-BCA, Điều 4: CT04 replaces the CT04 of Thông tư 56/2021/TT-BCA.
  'residence-ct04': {
    title: 'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    reference: 'Mẫu CT04 - Thông tư 66/2023/TT-BCA',
  },
} as const;

/** The kiosk prints the applicant's copy; the one-stop system keeps the record. */
export const COPY_MARK = 'Liên 1: Giao người nộp hồ sơ';

/**
 * The slip's SMS line for a citizen who asked for status SMS: where they will come from. Only
 * what is true is printed: the kiosk offers no SMS lookup syntax (no "Soạn HS <mã> gửi ..."),
 * since the one-stop system's SMS side only sends.
 */
export function smsTrackingLine(shortCode: string): string {
  return `tình trạng hồ sơ được nhắn từ đầu số ${shortCode}`;
}

/** "2.000 đ" (the shared formatter), "Không" when the procedure is free. */
export function feeText(amountVnd: number): string {
  if (amountVnd === 0) return 'Không';
  return formatVnd(amountVnd);
}

function appointmentNote(receipt: ReceiptView, submission: boolean): string | undefined {
  const notes = [
    receipt.sameDay ? 'Trong ngày' : undefined,
    submission || receipt.appointmentProvisional ? 'dự kiến' : undefined,
  ].filter((n): n is string => n !== undefined);
  return notes.length > 0 ? notes.join(', ') : undefined;
}

function submissionStatusLine(receipt: ReceiptView): string {
  if (receipt.acceptance?.state === 'refused')
    return `${SUBMISSION_STATUS_TEXT.refused}: ${receipt.acceptance.reason}`;
  return receipt.intake === 'electronic'
    ? SUBMISSION_STATUS_TEXT.electronic
    : SUBMISSION_STATUS_TEXT.counter;
}

/** The slip's words for how the applicant was identified. */
export const IDENTITY_ASSURANCE_TEXT: Readonly<Record<AssuranceLevel, string>> = {
  'chip-verified': 'Danh tính: chip đã xác thực chữ ký',
  'chip-unverified': 'Danh tính: chip chưa xác thực chữ ký',
  'document-only': 'Danh tính: chỉ mã in trên thẻ (QR/MRZ)',
};

/** Below `chip-verified` nobody proved the applicant holds the card: the counter must. */
export const SEE_CARD_TEXT = 'Cán bộ cần kiểm tra thẻ căn cước gốc';

/**
 * The "Trạng thái" line: the dossier's state, then the identity assurance (the driver's slip has
 * no line of its own for it). A receipt stored before levels existed reads as unverified.
 */
export function receiptStatusLine(receipt: ReceiptView): string {
  return [RECEIPT_STATUS_TEXT[receipt.status], ...identityParts(receipt)].join('. ');
}

/** The identity assurance, and the check the counter must make below `chip-verified`. */
function identityParts(receipt: ReceiptView): string[] {
  const level = receipt.identityAssurance;
  return [
    level ? IDENTITY_ASSURANCE_TEXT[level] : undefined,
    level === 'chip-verified' ? undefined : SEE_CARD_TEXT,
  ].filter((part): part is string => part !== undefined);
}

/**
 * The status lookup URL with the dossier code in it: the printed QR is the code's
 * machine-readable form, so a URL without the code (a test slip) gets it as `ma=`.
 */
function lookupUrlWithCode(url: string, code: string): string {
  if (url.includes(code)) return url;
  const withCode = new URL(url);
  withCode.searchParams.set('ma', code);
  return withCode.toString();
}

/**
 * The printer driver's slip for a receipt of the journey (Mẫu số 01 of Thông tư 01/2018/TT-VPCP
 * under Nghị định 118/2025/NĐ-CP, or the police's CT04), or for a phiếu nộp hồ sơ. Validated by the driver's schema, so a receipt the printer
 * could not print faithfully fails here rather than on paper.
 */
export function receiptToSlip(receipt: ReceiptView, options: PrintOptions = {}): ReceiptSlip {
  const statusLookupUrl = lookupUrlWithCode(receipt.lookupUrl, receipt.dossierCode);
  const submission = receipt.kind === 'submissionSlip';
  const form = receipt.receiptForm ? RECEIPT_FORMS[receipt.receiptForm] : undefined;
  const accepted = receipt.acceptance?.state === 'accepted' ? receipt.acceptance : undefined;
  const note = appointmentNote(receipt, submission);
  const status = submission
    ? [submissionStatusLine(receipt), ...identityParts(receipt)].join('. ')
    : receiptStatusLine(receipt);
  return parseReceiptSlip({
    kind: submission ? 'submissionSlip' : 'receipt',
    ...(form && !submission ? { title: form.title, formReference: form.reference } : {}),
    ...(receipt.kind ? { copyMark: COPY_MARK } : {}),
    ...(receipt.applicantAddress ? { applicantAddress: receipt.applicantAddress } : {}),
    ...(receipt.applicantPhone ? { applicantPhone: receipt.applicantPhone } : {}),
    ...(receipt.applicantEmail ? { applicantEmail: receipt.applicantEmail } : {}),
    ...(receipt.papers ? { documents: [...receipt.papers] } : {}),
    ...(receipt.sets !== undefined ? { sets: receipt.sets } : {}),
    ...(receipt.queueNumber ? { queueNumber: receipt.queueNumber } : {}),
    ...(receipt.queueNumber && receipt.queueCounter ? { queueCounter: receipt.queueCounter } : {}),
    ...(note ? { appointmentNote: note } : {}),
    ...(receipt.fee
      ? {
          fee: {
            text: feeText(receipt.fee.amountVnd),
            ...(receipt.fee.amountVnd > 0 ? { paid: receipt.fee.paid } : {}),
          },
        }
      : {}),
    ...(accepted?.registerBook && accepted.registerEntry
      ? { register: { book: accepted.registerBook, entry: accepted.registerEntry } }
      : {}),
    ...(accepted ? { receivingOfficer: accepted.officer } : {}),
    centreName: receipt.centreName,
    dossierCode: receipt.dossierCode,
    receivingUnit: receipt.receivingUnit,
    applicantName: receipt.applicantName,
    procedureName: receipt.procedureName,
    documentsReceived: [...receipt.documents],
    processingTimeByLaw: receipt.processingTime,
    receivedAt: receipt.receivedAt,
    appointmentAt: receipt.appointmentAt,
    resultCollectionPlace: receipt.collectAt,
    status,
    statusLookupUrl,
    trackingWebsite: new URL(statusLookupUrl).host,
    ...(receipt.smsShortCode ? { trackingSms: smsTrackingLine(receipt.smsShortCode) } : {}),
    kioskId: receipt.kioskId,
    ...(options.reprintAt ? { reprint: { reprintedAt: options.reprintAt } } : {}),
  });
}

/**
 * The job id that makes a retry of the same print a no-op in the driver: one per receipt
 * (code + time received), and one per staff reprint.
 */
export function printJobId(receipt: ReceiptView, options: PrintOptions = {}): string {
  return options.reprintAt
    ? `${receipt.dossierCode}/reprint/${options.reprintAt}`
    : receipt.kind === 'submissionSlip'
      ? // The receipt that follows it may carry the same minute: it must not be taken as printed.
        `${receipt.dossierCode}/phieu/${receipt.receivedAt}`
      : `${receipt.dossierCode}/${receipt.receivedAt}`;
}
