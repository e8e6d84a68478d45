export {
  Outbox,
  OutboxError,
  OUTBOX_PAYLOAD_UNREADABLE,
  type DossierDraft,
  type DueDossier,
  type EnqueuedDossier,
  type OutboxDelivery,
  type ReservedDossier,
  type OutboxEntry,
  type OutboxState,
} from './outbox';
export { OutboxWorker, type DrainSummary, type OutboxWorkerOptions } from './outbox-worker';
export { OUTBOX_MIGRATIONS, OUTBOX_TABLE_MIGRATIONS } from './outbox-migrations';
export { RatingOutbox, type DueRating, type RatingOutboxEntry } from './rating-outbox';
export {
  RatingOutboxWorker,
  type RatingDrainSummary,
  type RatingOutboxWorkerOptions,
} from './rating-outbox-worker';
export { RATING_OUTBOX_MIGRATIONS } from './rating-outbox-migrations';
