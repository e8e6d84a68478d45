import type { ReceiptView } from '@kiosk/protocol';

/** The part of a procedure's fee that decides whether the kiosk asks for it. */
export interface ProcedureFeeTerms {
  readonly amountVnd: number;
  readonly paidAt: 'submission' | 'collection';
}

/**
 * The amount the kiosk asks for now, if any: a fee paid at submission, not yet paid. A fee paid
 * at collection, a free procedure and an already paid receipt ask for nothing.
 */
export function feeDueAtKiosk(
  terms: ProcedureFeeTerms,
  receipt: Pick<ReceiptView, 'fee'>,
): number | undefined {
  if (terms.paidAt !== 'submission' || terms.amountVnd <= 0) return undefined;
  if (receipt.fee?.paid === true) return undefined;
  return terms.amountVnd;
}

/** The receipt as printed once its fee is paid; a receipt without a fee is left as it is. */
export function withFeePaid(receipt: ReceiptView): ReceiptView {
  if (!receipt.fee || receipt.fee.amountVnd === 0 || receipt.fee.paid) return receipt;
  return { ...receipt, fee: { ...receipt.fee, paid: true } };
}
