import {
  nodeSerialPorts,
  SerialPresenceWatcher,
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
  type SerialPorts,
} from '@kiosk/device';
import type { MrzDocument } from '../codec/mrz-document';
import { MrzError, isMrzError } from '../codec/mrz-error';
import { parseMrz } from '../codec/parse-mrz';
import { MrzFrameDecoder, type FrameEvent, type MrzFraming } from './mrz-framing';

export interface SerialMrzReaderOptions {
  /** e.g. `/dev/ttyUSB0`, `/dev/serial/by-id/...`, or a pty symlink in tests. */
  readonly path: string;
  readonly baudRate?: number;
  readonly framing?: MrzFraming;
  /** Hot-plug poll period; 0 disables the timer (tests call `poll()` themselves). */
  readonly pollIntervalMs?: number;
  /** Consecutive polls without the device before it is declared gone. */
  readonly missesBeforeGone?: number;
  /** Quiet time after which a half-received document is reported as truncated. */
  readonly idleFlushMs?: number;
  readonly ports?: SerialPorts;
  /** Today for the MRZ century rule; defaults to the clock. */
  readonly today?: () => Date;
}

/**
 * A document reader on a serial port (swipe or full-page readers that send the MRZ as text).
 * Emits each document it reads as a validated `MrzDocument`, and every bad frame as an
 * `MrzError` (truncated, garbage, failed check digit); never throws from the data path.
 * An unplugged reader is reported `offline` and reopened when its device node comes back.
 *
 * @example
 * const reader = new SerialMrzReader({ path: '/dev/ttyUSB0', baudRate: 9600 });
 * reader.onDocument((doc) => flow.send({ type: 'MRZ', keys: doc.chipKey }));
 * await reader.open(); await reader.claim(); await reader.enable();
 */
export class SerialMrzReader implements Device {
  readonly id: string;
  private currentState: DeviceState = 'closed';
  private readonly status: StatusEmitter;
  private readonly decoder: MrzFrameDecoder;
  private readonly presence: SerialPresenceWatcher;
  private enabled = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly documentListeners = new Set<(doc: MrzDocument) => void>();
  private readonly errorListeners = new Set<(error: MrzError) => void>();

  constructor(private readonly options: SerialMrzReaderOptions) {
    this.id = `serial:${options.path}`;
    this.status = new StatusEmitter(this.id);
    this.decoder = new MrzFrameDecoder(options.framing ?? { kind: 'lines', terminator: 'any' });
    this.presence = new SerialPresenceWatcher({
      ports: options.ports ?? nodeSerialPorts,
      open: { path: options.path, baudRate: options.baudRate ?? 9600 },
      label: 'serial MRZ reader',
      status: this.status,
      pollIntervalMs: options.pollIntervalMs,
      missesBeforeGone: options.missesBeforeGone,
      onLink: (link) => {
        link.onData((chunk) => this.receive(chunk));
        this.currentState = 'idle';
      },
      onLost: () => this.deliver(this.decoder.flush()),
    });
  }

  get state(): DeviceState {
    return this.currentState;
  }

  get isConnected(): boolean {
    return this.presence.link !== undefined;
  }

  onStatus(listener: (event: DeviceStatusEvent) => void): () => void {
    return this.status.on(listener);
  }

  onDocument(listener: (doc: MrzDocument) => void): () => void {
    this.documentListeners.add(listener);
    return () => this.documentListeners.delete(listener);
  }

  onError(listener: (error: MrzError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Starts watching the device; resolves even when it is absent (it is then `offline`). */
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

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.enabled = false;
    this.currentState = 'closed';
    await this.presence.stop();
    this.decoder.flush();
  }

  /** One hot-plug observation (the timer's, or a test's when `pollIntervalMs` is 0). */
  poll(): Promise<void> {
    return this.presence.poll();
  }

  private receive(chunk: Uint8Array): void {
    this.deliver(this.decoder.push(chunk));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.decoder.hasPending) {
      this.idleTimer = setTimeout(
        () => this.deliver(this.decoder.flush()),
        this.options.idleFlushMs ?? 500,
      );
    }
  }

  private deliver(events: readonly FrameEvent[]): void {
    if (!this.enabled) return;
    for (const event of events) {
      if (event.kind === 'error') {
        this.fail(event.error);
        continue;
      }
      try {
        const doc = parseMrz(event.lines, { today: this.options.today?.() });
        for (const l of this.documentListeners) l(doc);
      } catch (error) {
        this.fail(isMrzError(error) ? error : new MrzError('MRZ_FRAME_GARBAGE', String(error)));
      }
    }
  }

  private fail(error: MrzError): void {
    for (const l of this.errorListeners) l(error);
  }
}
