export {
  APPLIED_FOLDER,
  ConfigInbox,
  INCOMPLETE_SETTLE_MS,
  REFUSED_FOLDER,
  ROLLOUT_ACTOR,
  type ConfigInboxOptions,
  type InboxScan,
} from './config-inbox';
export {
  watchConfigInbox,
  type ConfigInboxWatch,
  type ConfigInboxWatchOptions,
} from './config-inbox-watch';
