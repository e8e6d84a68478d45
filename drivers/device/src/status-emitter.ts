import type { DeviceStatus, DeviceStatusEvent } from './device-state';

/** A tiny typed listener list; drivers compose it rather than extending EventEmitter. */
export class StatusEmitter {
  private readonly listeners = new Set<(event: DeviceStatusEvent) => void>();
  private last: DeviceStatus | undefined;

  constructor(
    private readonly deviceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  on(listener: (event: DeviceStatusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Emits only on change, so a status poll does not flood listeners with repeats. */
  emit(status: DeviceStatus, detail?: string): void {
    if (status === this.last) return;
    this.last = status;
    const event: DeviceStatusEvent = { deviceId: this.deviceId, status, at: this.now(), detail };
    for (const listener of this.listeners) listener(event);
  }

  get current(): DeviceStatus | undefined {
    return this.last;
  }
}
