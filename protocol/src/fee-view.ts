import type { LocalizedText } from '@kiosk/forms/browser';

/**
 * The fee of a procedure as the citizen sees it before submitting: the amount, whether it is a
 * lệ phí (`charge`) or a phí (`fee`), when it is paid, the act that sets it and who is exempt.
 */
export interface FeeView {
  readonly amountVnd: number;
  readonly kind: 'charge' | 'fee' | 'none';
  readonly paidAt: 'submission' | 'collection';
  readonly legalSource: string;
  readonly exemptions: readonly LocalizedText[];
}

/** What the receipt says of the fee: paid, not yet paid (at the counter), or nothing to pay. */
export type FeeStatus = 'paid' | 'unpaid' | 'exempt';
