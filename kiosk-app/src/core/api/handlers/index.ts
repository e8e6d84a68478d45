import type { HandlerMap } from './api-handler';
import { deviceHandlers } from './device-handlers';
import { journeyHandlers } from './journey-handlers';
import { sessionHandlers } from './session-handlers';
import { speechHandlers } from './speech-handlers';
import { staffHandlers } from './staff-handlers';
import { technicianHandlers } from './technician-handlers';

export type { ApiScope, Handler, HandlerMap } from './api-handler';

/** Every message's handler, by area; a registry entry without one does not compile. */
export const HANDLERS: HandlerMap = {
  ...journeyHandlers,
  ...sessionHandlers,
  ...staffHandlers,
  ...deviceHandlers,
  ...technicianHandlers,
  ...speechHandlers,
};
