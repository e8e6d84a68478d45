import type { DeviceState, DeviceStatusEvent } from './device-state';

/**
 * What every driver exposes to the device manager. Methods follow the UnifiedPOS order
 * `open → claim → enable → disable → release → close`; each is idempotent so the manager can
 * recover a device after an unplug without tracking which step failed.
 */
export interface Device {
  readonly id: string;
  readonly state: DeviceState;
  open(): Promise<void>;
  claim(): Promise<void>;
  enable(): Promise<void>;
  disable(): Promise<void>;
  release(): Promise<void>;
  close(): Promise<void>;
  /** Subscribe to status events; returns the unsubscribe function. */
  onStatus(listener: (event: DeviceStatusEvent) => void): () => void;
}
