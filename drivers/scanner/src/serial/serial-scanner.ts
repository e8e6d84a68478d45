import { SerialLinkDevice, type SerialLinkDeviceOptions } from '@kiosk/device';
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

export type SerialScannerOptions = SerialLinkDeviceOptions;

/**
 * A scanner on a serial port or USB-CDC (`/dev/ttyACM0`). An unplugged scanner is reported
 * `offline` and reopened when its device node comes back (`SerialPresenceWatcher`).
 *
 * @example
 * const scanner = new SerialScanner({ path: '/dev/ttyACM0', baudRate: 9600 });
 * scanner.onScan((scan) => flow.send({ type: 'QR', text: scan.text }));
 * await scanner.open(); await scanner.enable();
 */
export class SerialScanner extends SerialLinkDevice {
  private decoder = new SerialScanDecoder();
  private readonly scanListeners = new Set<(scan: Scan) => void>();
  private readonly errorListeners = new Set<(error: ScannerError) => void>();

  constructor(options: SerialScannerOptions) {
    super(options, 'serial scanner');
  }

  onScan(listener: (scan: Scan) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onError(listener: (error: ScannerError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** A scan cut by the unplug is not completed by the next device's bytes. */
  protected linkLost(): void {
    this.decoder = new SerialScanDecoder();
  }

  protected receive(chunk: Uint8Array): void {
    if (!this.enabled) return;
    for (const r of this.decoder.push(chunk)) {
      if (r instanceof ScannerError) for (const l of this.errorListeners) l(r);
      else for (const l of this.scanListeners) l(r);
    }
  }
}
