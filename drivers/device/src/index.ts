export type { DeviceState, DeviceStatus, DeviceRole, DeviceStatusEvent } from './device-state';
export type { Device } from './device';
export { DeviceError, isDeviceError } from './device-error';
export { StatusEmitter } from './status-emitter';
export { PresenceDebouncer } from './presence-debouncer';
export type * from './serial/serial-ports';
export {
  serialPortError,
  type SerialPortError,
  type SerialPortErrorCode,
} from './serial/serial-port-error';
export { nodeSerialPorts } from './serial/node-serial-ports';
export { MemorySerialPorts } from './serial/memory-serial-ports';
export { SerialLinkDevice, type SerialLinkDeviceOptions } from './serial/serial-link-device';
export {
  SerialPresenceWatcher,
  type SerialPresenceWatcherOptions,
} from './serial/serial-presence-watcher';
