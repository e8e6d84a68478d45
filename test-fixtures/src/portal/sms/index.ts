export { SmsNotifier, type SmsNotifierOptions } from './sms-notifier';
export { SmsQueue, type QueuedSms, type SmsQueueCounts } from './sms-queue';
export { smsSubscriptionOf } from './sms-subscription';
export { statusSmsText, unaccented, SMS_MAX_SEPTETS } from './status-sms-text';
export { SmsSendError, type SmscAccount } from './smpp-transmitter';
