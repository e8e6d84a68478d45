import { formatDateTime, formatVnd } from '@kiosk/forms';
import type { ReceiptSlip } from '@kiosk/printer';
import type { FeeStatus } from '@kiosk/protocol';

/** What the receipt PDF says: the fields the thermal slip carries, and the fee with its status. */
export interface ReceiptPdfContent {
  readonly dossierCode: string;
  readonly centreName: string;
  readonly receivingUnit: string;
  readonly applicantName: string;
  readonly procedureName: string;
  /** Already worded for the citizen, e.g. "08 giờ 30, Thứ Hai 07/12/2026". */
  readonly receivedAt: string;
  readonly appointmentAt: string;
  readonly collectAt: string;
  readonly lookupUrl: string;
  readonly fee: { readonly amountVnd: number; readonly status: FeeStatus };
}

/** The PDF twin of a thermal slip (the same dossier file `kiosk receipt render` reads). */
export function receiptPdfFromSlip(
  slip: ReceiptSlip,
  fee: ReceiptPdfContent['fee'],
): ReceiptPdfContent {
  return {
    dossierCode: slip.dossierCode,
    centreName: slip.centreName,
    receivingUnit: slip.receivingUnit,
    applicantName: slip.applicantName,
    procedureName: slip.procedureName,
    receivedAt: formatDateTime(slip.receivedAt),
    appointmentAt: formatDateTime(slip.appointmentAt),
    collectAt: slip.resultCollectionPlace,
    lookupUrl: slip.statusLookupUrl,
    fee,
  };
}

/** The Vietnamese words the receipt prints for each fee status. */
export const FEE_STATUS_TEXT: Record<FeeStatus, string> = {
  paid: 'Đã thanh toán',
  unpaid: 'Chưa thanh toán',
  exempt: 'Miễn phí',
};

/** `20000, paid` → `20.000 đ — Đã thanh toán`; an exempt fee is just "Miễn phí". */
export function describeFeeLine(fee: ReceiptPdfContent['fee']): string {
  if (fee.status === 'exempt') return FEE_STATUS_TEXT.exempt;
  return `${formatVnd(fee.amountVnd)} — ${FEE_STATUS_TEXT[fee.status]}`;
}
