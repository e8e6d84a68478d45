import {
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
} from '@kiosk/device';
import { SerialPort } from 'serialport';
import type { Scan } from '../scan';
import { ScannerError } from '../scanner-error';

/** The byte stream of a serial (or USB-CDC) scanner; `openSerialPort` is the real one. */
export interface ScannerByteLink {
  onData(listener: (chunk: Uint8Array) => void): void;
  onClose(listener: (error?: Error) => void): void;
  close(): Promise<void>;
}

export type OpenScannerLink = (path: string, baudRate: number) => Promise<ScannerByteLink>;

export const openSerialPort: OpenScannerLink = (path, baudRate) =>
  new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((error) => {
      if (error)
        return reject(
          new ScannerError('SCANNER_OPEN_FAILED', `cannot open ${path}: ${error.message}`),
        );
      resolve({
        onData: (l) => port.on('data', (b: Buffer) => l(b)),
        onClose: (l) => void port.once('close', (e?: Error | null) => l(e ?? undefined)),
        close: () => new Promise<void>((res) => (port.isOpen ? port.close(() => res()) : res())),
      });
    });
  });

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
  readonly open?: OpenScannerLink;
}

/** A scanner on a serial port or USB-CDC (`/dev/ttyACM0`). Reconnect: call `open()` again. */
export class SerialScanner implements Device {
  readonly id: string;
  private currentState: DeviceState = 'closed';
  private readonly status: StatusEmitter;
  private link: ScannerByteLink | undefined;
  private enabled = false;
  private readonly decoder = new SerialScanDecoder();
  private readonly scanListeners = new Set<(scan: Scan) => void>();
  private readonly errorListeners = new Set<(error: ScannerError) => void>();

  constructor(private readonly options: SerialScannerOptions) {
    this.id = `serial:${options.path}`;
    this.status = new StatusEmitter(this.id);
  }

  get state(): DeviceState {
    return this.currentState;
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

  async open(): Promise<void> {
    if (this.link) return;
    const link = await (this.options.open ?? openSerialPort)(
      this.options.path,
      this.options.baudRate ?? 9600,
    );
    this.link = link;
    this.currentState = 'idle';
    link.onData((chunk) => {
      if (!this.enabled) return;
      for (const r of this.decoder.push(chunk)) {
        if (r instanceof ScannerError) for (const l of this.errorListeners) l(r);
        else for (const l of this.scanListeners) l(r);
      }
    });
    link.onClose((error) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.currentState = 'closed';
      this.status.emit('offline', error ? error.message : 'closed');
    });
    this.status.emit('online');
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
    const link = this.link;
    this.link = undefined;
    this.currentState = 'closed';
    await link?.close();
  }
}
