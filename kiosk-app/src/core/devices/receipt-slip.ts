import type { AssuranceLevel } from '@kiosk/forms';
import { parseReceiptSlip, type ReceiptSlip } from '@kiosk/printer';
import type { ReceiptView } from '@kiosk/protocol';
import type { PrintOptions } from '../ports';

/** The slip's "Trạng thái" line for each state of the dossier at print time. */
export const RECEIPT_STATUS_TEXT: Readonly<Record<ReceiptView['status'], string>> = {
  received: 'Đã tiếp nhận',
  // Written to the outbox, not yet acknowledged by the one-stop system (sent when online).
  queued: 'Đã tiếp nhận, đang chuyển lên hệ thống một cửa',
};

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
  const level = receipt.identityAssurance;
  return [
    RECEIPT_STATUS_TEXT[receipt.status],
    level ? IDENTITY_ASSURANCE_TEXT[level] : undefined,
    level === 'chip-verified' ? undefined : SEE_CARD_TEXT,
  ]
    .filter((part): part is string => part !== undefined)
    .join('. ');
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
 * The printer driver's slip for a receipt of the journey (form 01, Decree 61/2018/ND-CP as
 * amended by Decree 107/2021/ND-CP). Validated by the driver's schema, so a receipt the printer
 * could not print faithfully fails here rather than on paper.
 */
export function receiptToSlip(receipt: ReceiptView, options: PrintOptions = {}): ReceiptSlip {
  const statusLookupUrl = lookupUrlWithCode(receipt.lookupUrl, receipt.dossierCode);
  return parseReceiptSlip({
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
    status: receiptStatusLine(receipt),
    statusLookupUrl,
    trackingWebsite: new URL(statusLookupUrl).host,
    ...(receipt.trackingHint.trim() !== '' ? { trackingSms: receipt.trackingHint } : {}),
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
    : `${receipt.dossierCode}/${receipt.receivedAt}`;
}
