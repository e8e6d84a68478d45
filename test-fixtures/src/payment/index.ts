export {
  startPaymentPlatform,
  TRANSACTIONS_PATH,
  type PaymentPlatform,
  type PaymentPlatformOptions,
  type PlatformTransaction,
  type SentNotification,
} from './payment-platform-server';
