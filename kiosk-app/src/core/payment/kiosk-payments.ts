import type { PaymentQrView, ReceiptView } from '@kiosk/protocol';
import type { Logger } from '../log/logger';
import type { ReceiptRepository } from '../store/receipt-repository';
import { feeDueAtKiosk, withFeePaid, type ProcedureFeeTerms } from './fee-due';
import type { PaymentConfig } from './payment-config';
import type { PaymentLedger, PaymentOutcome } from './payment-ledger';
import type { PaymentReceiver } from './payment-notification-listener';
import { createPaymentTransaction, type PaymentTransaction } from './payment-platform-client';
import { encodeVietQr } from './vietqr';

export interface KioskPaymentsDeps {
  readonly ledger: Pick<PaymentLedger, 'expect' | 'receive'>;
  readonly config: Pick<
    PaymentConfig,
    'acquirerBin' | 'accountNumber' | 'platformUrl' | 'waitSeconds'
  >;
  /** The fee terms of a procedure in the catalogue. */
  readonly feeOf: (procedureCode: string) => ProcedureFeeTerms;
  readonly receipts: Pick<ReceiptRepository, 'get' | 'replaceSlip' | 'markPrinted'>;
  readonly logger: Logger;
  readonly createTransaction?: (code: string, amountVnd: number) => Promise<PaymentTransaction>;
  readonly now?: () => Date;
}

/**
 * The kiosk's side of fees paid by VietQR: asks for a dossier's fee (platform transaction, ledger
 * entry, QR payload) and receives the platform's notifications. A paid dossier's stored receipt
 * says so (reprints too), and whoever waits for it (the journey) is told by dossier code, so a
 * payment that arrives after the citizen left changes that dossier and no one else's.
 */
export class KioskPayments implements PaymentReceiver {
  private readonly paidListeners = new Set<(dossierCode: string) => void>();
  private readonly now: () => Date;

  constructor(private readonly deps: KioskPaymentsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The fee the kiosk asks for after filing this receipt's dossier, if any. */
  dueFor(receipt: ReceiptView): number | undefined {
    let terms: ProcedureFeeTerms;
    try {
      terms = this.deps.feeOf(receipt.procedureCode);
    } catch {
      // A procedure gone from the catalogue since filing: its fee is settled at the counter.
      return undefined;
    }
    return feeDueAtKiosk(terms, receipt);
  }

  /** Opens the payment of a receipt's fee; rejects when nothing is due or the platform fails. */
  async request(receipt: ReceiptView): Promise<PaymentQrView> {
    const { config, ledger, logger } = this.deps;
    const amountVnd = this.dueFor(receipt);
    if (amountVnd === undefined) throw new Error('no fee is due at the kiosk for this dossier');
    const dossierCode = receipt.dossierCode;
    const qrPayload = encodeVietQr({
      acquirerBin: config.acquirerBin,
      accountNumber: config.accountNumber,
      amountVnd,
      purpose: dossierCode,
    });
    const create =
      this.deps.createTransaction ??
      (config.platformUrl
        ? (code: string, amount: number) =>
            createPaymentTransaction(config.platformUrl ?? '', code, amount)
        : undefined);
    const transaction = create ? await create(dossierCode, amountVnd) : undefined;
    ledger.expect(dossierCode, amountVnd, transaction?.transactionId);
    logger.info('payment.requested', {
      dossier: dossierCode,
      amountVnd,
      platform: transaction ? 'transaction' : 'none',
    });
    const expiresAt = new Date(this.now().getTime() + config.waitSeconds * 1000);
    return {
      qrPayload,
      amountVnd,
      waitSeconds: config.waitSeconds,
      expiresAt: expiresAt.toISOString(),
    };
  }

  receive(body: string, signature: string | undefined): PaymentOutcome {
    const outcome = this.deps.ledger.receive(body, signature);
    this.deps.logger[outcome.kind === 'rejected' ? 'warn' : 'info']('payment.notification', {
      outcome: outcome.kind,
      ...(outcome.kind === 'rejected' ? { code: outcome.code } : { dossier: outcome.dossierCode }),
    });
    if (outcome.kind === 'paid') {
      this.markReceiptPaid(outcome.dossierCode);
      for (const listener of this.paidListeners) listener(outcome.dossierCode);
    }
    return outcome;
  }

  /** Calls `listener` with the dossier code of each newly paid fee; returns the unsubscribe. */
  onPaid(listener: (dossierCode: string) => void): () => void {
    this.paidListeners.add(listener);
    return () => this.paidListeners.delete(listener);
  }

  /** The stored slip says paid, for reprints; one already printed stays counted as printed. */
  private markReceiptPaid(dossierCode: string): void {
    const { receipts } = this.deps;
    const stored = receipts.get(dossierCode);
    if (!stored) return;
    const paid = withFeePaid(stored.receipt);
    if (paid === stored.receipt) return;
    receipts.replaceSlip(paid);
    if (stored.printed) receipts.markPrinted(dossierCode);
  }
}
