import type { FeeStatus, ReceiptView } from '@kiosk/protocol';

/** What the receipt PDF says: the receipt fields the slip carries, and the fee with its status. */
export interface ReceiptPdfContent {
  readonly receipt: ReceiptView;
  readonly fee: { readonly amountVnd: number; readonly status: FeeStatus };
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
  return `${fee.amountVnd.toLocaleString('vi-VN')} đ — ${FEE_STATUS_TEXT[fee.status]}`;
}
