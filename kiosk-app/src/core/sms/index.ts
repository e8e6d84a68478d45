export { smsSubscriptionOf, SMS_CONSENT_FIELD, type SmsSubscription } from './sms-subscription';
