import {
  nodeSerialPorts,
  SerialPresenceWatcher,
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
  type SerialPorts,
} from '@kiosk/device';
import type { Scan } from '../scan';
import { ScannerError } from '../scanner-error';

/**
 * Splits a serial scanner's stream into scans at its configured suffix (CR, LF or CRLF, the
 * factory defaults of most scanners) and decodes them as UTF-8.
 */
export class SerialScanDecoder {
  private buffer = Buffer.alloc(0);
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly maxLength = 8192) {}

  push(chunk: Uint8Array): Array<Scan | ScannerError> {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const out: Array<Scan | ScannerError> = [];
    for (;;) {
      const at = this.buffer.findIndex((b) => b === 0x0d || b === 0x0a);
      if (at < 0) break;
      const body = this.buffer.subarray(0, at);
      this.buffer = this.buffer.subarray(at + 1);
      if (body.length === 0) continue; // the LF of CRLF, or a spare terminator
      try {
        out.push({ text: this.utf8.decode(body), source: 'serial' });
      } catch {
        out.push(new ScannerError('SCANNER_BAD_REPORT', 'scan is not valid UTF-8'));
      }
    }
    if (this.buffer.length > this.maxLength) {
      this.buffer = Buffer.alloc(0);
      out.push(
        new ScannerError('SCANNER_BAD_REPORT', 'scan longer than the limit without a terminator'),
      );
    }
    return out;
  }
}

export interface SerialScannerOptions {
  readonly path: string;
  readonly baudRate?: number;
  /** The serial ports (default node-serialport; `MemorySerialPorts` in tests). */
  readonly ports?: SerialPorts;
  /** Hot-plug poll period; 0 disables the timer (tests call `poll()`). */
  readonly pollIntervalMs?: number;
  readonly missesBeforeGone?: number;
}

/**
 * A scanner on a serial port or USB-CDC (`/dev/ttyACM0`). An unplugged scanner is reported
 * `offline` and reopened when its device node comes back (`SerialPresenceWatcher`).
 *
 * @example
 * const scanner = new SerialScanner({ path: '/dev/ttyACM0', baudRate: 9600 });
 * scanner.onScan((scan) => flow.send({ type: 'QR', text: scan.text }));
 * await scanner.open(); await scanner.enable();
 */
export class SerialScanner implements Device {
  readonly id: string;
  private currentState: DeviceState = 'closed';
  private readonly status: StatusEmitter;
  private readonly presence: SerialPresenceWatcher;
  private enabled = false;
  private decoder = new SerialScanDecoder();
  private readonly scanListeners = new Set<(scan: Scan) => void>();
  private readonly errorListeners = new Set<(error: ScannerError) => void>();

  constructor(options: SerialScannerOptions) {
    this.id = `serial:${options.path}`;
    this.status = new StatusEmitter(this.id);
    this.presence = new SerialPresenceWatcher({
      ports: options.ports ?? nodeSerialPorts,
      open: { path: options.path, baudRate: options.baudRate ?? 9600 },
      label: 'serial scanner',
      status: this.status,
      pollIntervalMs: options.pollIntervalMs,
      missesBeforeGone: options.missesBeforeGone,
      onLink: (link) => link.onData((chunk) => this.receive(chunk)),
      // A scan cut by the unplug is not completed by the next device's bytes.
      onLost: () => (this.decoder = new SerialScanDecoder()),
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

  onScan(listener: (scan: Scan) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onError(listener: (error: ScannerError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Starts watching the port; resolves even when the scanner is absent (it is then `offline`). */
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
    this.enabled = false;
    this.currentState = 'closed';
    await this.presence.stop();
  }

  private receive(chunk: Uint8Array): void {
    if (!this.enabled) return;
    for (const r of this.decoder.push(chunk)) {
      if (r instanceof ScannerError) for (const l of this.errorListeners) l(r);
      else for (const l of this.scanListeners) l(r);
    }
  }
}
