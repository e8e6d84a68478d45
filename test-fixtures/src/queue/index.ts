export {
  QUEUE_TICKETS_PATH,
  startQueueSystem,
  type IssuedTicket,
  type QueueSystem,
  type QueueSystemFault,
  type QueueSystemOptions,
} from './queue-system-server';
