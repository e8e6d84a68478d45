export type { DeviceState, DeviceStatus, DeviceRole, DeviceStatusEvent } from './device-state';
export type { Device } from './device';
export { DeviceError, isDeviceError } from './device-error';
export { StatusEmitter } from './status-emitter';
export { PresenceDebouncer } from './presence-debouncer';
