import type { MessageType } from '@kiosk/protocol';
import { answerCameraTest } from '../../camera/camera-api';
import { assignedAddress } from '../../devices/device-assignment';
import type { HandlerArea } from './api-handler';

type DeviceMessage = Extract<MessageType, `devices.${string}`>;

/** The technician's device screen: inventory, role assignment and the device tests. */
export const deviceHandlers: HandlerArea<DeviceMessage> = {
  'devices.list': { run: (_message, { deviceTests }) => deviceTests.list() },
  'devices.assign': {
    run: ({ assignment }, { deviceTests }) => deviceTests.assign(assignment),
    subject: ({ assignment }) => `${assignment.role}:${assignedAddress(assignment)}`,
  },
  'devices.testCardRead': {
    run: ({ can, mrz }, { deviceTests }) => deviceTests.testCardRead(can, mrz),
  },
  'devices.testQr': {
    run: ({ timeoutSeconds }, { deviceTests }) => deviceTests.testQr(timeoutSeconds),
  },
  'devices.cancelTest': { run: async (_message, { deviceTests }) => deviceTests.cancel() },
  'devices.testCamera': { run: async ({ jpeg }, { ctx }) => answerCameraTest(ctx.camera, jpeg) },
  'devices.testPrint': { run: (_message, { deviceTests }) => deviceTests.testPrint() },
};
