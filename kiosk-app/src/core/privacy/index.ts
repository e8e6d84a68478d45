export { PrivacyError, isPrivacyError, type PrivacyErrorCode } from './privacy-error';
export {
  DATA_KEY_BYTES,
  DEMO_KEY_PATH,
  dataKeyFromBytes,
  deriveSubkey,
  loadDataKey,
  parseKeyContent,
  type DataKey,
  type LoadDataKeyOptions,
} from './data-key';
export { FieldCipher, SEALED_VERSION, type DataKeyring, type FieldRef } from './field-cipher';
export { BlindIndex, BLIND_INDEX_VERSION } from './blind-index';
export { assertKeyMatchesDatabase } from './key-check';
export { PRIVACY_MIGRATIONS } from './privacy-migrations';
export {
  EncryptedReceiptRepository,
  RECEIPT_PERSON,
  RECEIPT_PERSON_SEALED,
  RECEIPT_SLIP,
  type EncryptedReceiptOptions,
} from './encrypted-receipt-repository';
export { AUDIT_SUBJECT, ProtectedAuditRepository } from './protected-audit-repository';
export {
  createOutboxPayloadCodec,
  OUTBOX_PAYLOAD,
  type OutboxPayloadCodecOptions,
  type PayloadCodec,
} from './outbox-payload-codec';
export {
  PURGE_INTERVAL_MS,
  PurgeJob,
  systemPurgeClock,
  type PurgeClock,
  type PurgeJobOptions,
  type PurgeReport,
} from './purge-job';
