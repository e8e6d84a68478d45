import type { Device } from '../device';
import type { DeviceState, DeviceStatusEvent } from '../device-state';
import { StatusEmitter } from '../status-emitter';
import { nodeSerialPorts } from './node-serial-ports';
import { SerialPresenceWatcher } from './serial-presence-watcher';
import type { SerialPorts } from './serial-ports';

/** Where a serial input device is and how often its presence is checked. */
export interface SerialLinkDeviceOptions {
  /** e.g. `/dev/ttyUSB0`, `/dev/serial/by-id/...`, or a pty symlink in tests. */
  readonly path: string;
  readonly baudRate?: number;
  /** The serial ports (default node-serialport; `MemorySerialPorts` in tests). */
  readonly ports?: SerialPorts;
  /** Hot-plug poll period; 0 disables the timer (tests call `poll()` themselves). */
  readonly pollIntervalMs?: number;
  /** Consecutive polls without the device before it is declared gone. */
  readonly missesBeforeGone?: number;
}

/**
 * The life cycle every device that only sends text over a serial line shares (document readers,
 * barcode scanners): its id, its state, hot-plug through `SerialPresenceWatcher` (an unplugged
 * device is `offline` and reopened when its node comes back), and the enabled switch. A subclass
 * says what its bytes mean (`receive`) and what an unplug cuts short (`linkLost`).
 */
export abstract class SerialLinkDevice implements Device {
  readonly id: string;
  private currentState: DeviceState = 'closed';
  private readonly status: StatusEmitter;
  private readonly presence: SerialPresenceWatcher;
  /** Bytes that arrive while disabled are dropped: nobody asked for them. */
  protected enabled = false;

  constructor(options: SerialLinkDeviceOptions, label: string) {
    this.id = `serial:${options.path}`;
    this.status = new StatusEmitter(this.id);
    this.presence = new SerialPresenceWatcher({
      ports: options.ports ?? nodeSerialPorts,
      open: { path: options.path, baudRate: options.baudRate ?? 9600 },
      label,
      status: this.status,
      pollIntervalMs: options.pollIntervalMs,
      missesBeforeGone: options.missesBeforeGone,
      onLink: (link) => {
        link.onData((chunk) => this.receive(chunk));
        this.currentState = 'idle';
      },
      onLost: () => this.linkLost(),
    });
  }

  /** What the device's bytes mean; called for every chunk the link delivers. */
  protected abstract receive(chunk: Uint8Array): void;

  /** The device was unplugged: settle or drop what it had half sent. */
  protected abstract linkLost(): void;

  /** Called by `close()` before the link is closed: stop timers, settle what is pending. */
  protected closing(): void {}

  get state(): DeviceState {
    return this.currentState;
  }

  get isConnected(): boolean {
    return this.presence.link !== undefined;
  }

  onStatus(listener: (event: DeviceStatusEvent) => void): () => void {
    return this.status.on(listener);
  }

  /** Starts watching the port; resolves even when the device is absent (it is then `offline`). */
  async open(): Promise<void> {
    if (this.currentState !== 'closed') return;
    this.currentState = 'idle';
    await this.presence.start();
  }

  async claim(): Promise<void> {}

  async enable(): Promise<void> {
    this.enabled = true;
  }

  async disable(): Promise<void> {
    this.enabled = false;
  }

  async release(): Promise<void> {}

  /** One hot-plug observation (the timer's, or a test's when `pollIntervalMs` is 0). */
  poll(): Promise<void> {
    return this.presence.poll();
  }

  async close(): Promise<void> {
    this.closing();
    this.enabled = false;
    this.currentState = 'closed';
    await this.presence.stop();
  }
}
