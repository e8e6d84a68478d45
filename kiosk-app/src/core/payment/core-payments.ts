import type { Logger } from '../log/logger';
import type { ProcedureService } from '../procedures/procedure-service';
import type { KioskDatabase } from '../store/database';
import type { ReceiptRepository } from '../store/receipt-repository';
import { KioskPayments } from './kiosk-payments';
import type { PaymentConfig } from './payment-config';
import { PaymentLedger, type PaymentAudit } from './payment-ledger';
import { loadNotificationKey, PaymentKeyError } from './payment-notification-key';
import { startPaymentNotifyServer } from './payment-notify-server';

export interface CorePayments {
  readonly payments: KioskPayments;
  readonly ledger: PaymentLedger;
  /** Where the platform posts its notifications (`…/payment/notify`). */
  readonly notifyUrl: string;
  close(): Promise<void>;
}

export interface CorePaymentsOptions {
  readonly config: PaymentConfig | undefined;
  readonly db: KioskDatabase;
  readonly receipts: ReceiptRepository;
  readonly procedures: Pick<ProcedureService, 'get'>;
  readonly audit: PaymentAudit;
  readonly logger: Logger;
}

/**
 * Fees paid at the kiosk, when the configuration allows them: the centre's account, the key the
 * platform signs with and a port to hear it on. Anything missing or unusable leaves every fee to
 * the counter (the technician reads why in the log); intake goes on either way.
 */
export async function openCorePayments(
  options: CorePaymentsOptions,
): Promise<CorePayments | undefined> {
  const { config, logger } = options;
  if (!config) return undefined;
  if (!config.notificationKeyFile || config.notifyPort === undefined) {
    logger.warn('payment.disabled', {
      reason: 'payment.notificationKeyFile and payment.notifyPort are both needed',
    });
    return undefined;
  }
  let key: Buffer;
  try {
    key = loadNotificationKey(config.notificationKeyFile);
  } catch (error) {
    if (!(error instanceof PaymentKeyError)) throw error;
    logger.warn('payment.disabled', { reason: error.message });
    return undefined;
  }
  const ledger = new PaymentLedger(options.db, key, options.audit);
  const payments = new KioskPayments({
    ledger,
    config,
    feeOf: (code) => options.procedures.get(code).fee,
    receipts: options.receipts,
    logger,
  });
  const server = await startPaymentNotifyServer(payments, {
    host: config.notifyHost,
    port: config.notifyPort,
  });
  logger.info('payment.ready', { notifyUrl: server.url, platform: config.platformUrl ?? 'none' });
  return { payments, ledger, notifyUrl: server.url, close: () => server.close() };
}
