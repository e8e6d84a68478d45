export {
  startSmscSimulator,
  DEFAULT_SMSC_PASSWORD,
  DEFAULT_SMSC_SYSTEM_ID,
  SMSC_BINDS_PATH,
  SMSC_MESSAGES_PATH,
  type BindAttempt,
  type SmscSimulator,
  type SmscSimulatorOptions,
} from './smsc-server';
export type { ReceivedSubmission } from './smsc-session';
export { COMMAND_ID, COMMAND_STATUS, SmppPduError, decodePdu, encodePdu } from './smpp-pdu';
