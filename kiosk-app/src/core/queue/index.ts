export { counterLabel, groupOfSector, unmappedSectors } from './counter-groups';
export { HttpQueueSystem, QUEUE_TICKETS_PATH } from './http-queue-system';
export {
  FALLBACK_NUMBER_PATTERN,
  formatFallbackNumber,
  LocalQueueSequence,
  QUEUE_MIGRATIONS,
} from './local-queue-sequence';
export {
  counterGroupSchema,
  DEMO_COUNTER_GROUPS,
  queueConfigSchema,
  type CounterGroup,
  type QueueConfig,
} from './queue-config';
export { QueueNumbers, type QueueNumbersDeps, type QueueSystemHealth } from './queue-numbers';
export { QueueSystemError, type QueueSystemErrorCode } from './queue-system-error';
export {
  parseQueueSystemReply,
  SYSTEM_NUMBER_PATTERN,
  type QueueSystemTicket,
} from './queue-system-reply';
