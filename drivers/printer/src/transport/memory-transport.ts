import { DeviceError } from '@kiosk/device';
import { TransportEvents, type PrinterTransport } from './printer-transport';

/**
 * The in-memory twin of a printer connection, for unit tests of everything above the transport.
 * It raises the same DeviceError codes as the real transports. A `respond` function plays the
 * printer: it sees every write and may answer with bytes.
 */
export class MemoryTransport implements PrinterTransport {
  readonly bidirectional = true;
  readonly written: Uint8Array[] = [];
  private open_ = false;
  private readonly events = new TransportEvents();
  /** Next open() fails with this error (e.g. connection refused). */
  openError: DeviceError | undefined;
  /** Writes never complete (a stalled peer) until a timeout. */
  stalled = false;
  respond: ((bytes: Uint8Array) => Uint8Array | undefined) | undefined;
  opens = 0;

  constructor(readonly uri = 'memory:printer') {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    if (this.openError) throw this.openError;
    this.open_ = true;
    this.opens += 1;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    if (!this.open_) throw new DeviceError('PRINTER_OFFLINE', `${this.uri} is not connected`);
    if (this.stalled) {
      await new Promise((r) => setTimeout(r, timeoutMs));
      throw new DeviceError(
        'PRINTER_TIMEOUT',
        `${this.uri} took no data for ${timeoutMs} ms (stalled)`,
      );
    }
    this.written.push(bytes.slice());
    const reply = this.respond?.(bytes);
    if (reply && reply.length > 0) queueMicrotask(() => this.events.emitData(reply));
  }

  /** Bytes arriving from the printer unasked (ASB, garbage). */
  emitData(bytes: Uint8Array | readonly number[]): void {
    this.events.emitData(Uint8Array.from(bytes));
  }

  /** The peer goes away (cable pulled, printer off). */
  disconnect(): void {
    if (!this.open_) return;
    this.open_ = false;
    this.events.emitClose(new DeviceError('PRINTER_OFFLINE', `${this.uri} disconnected`));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error: DeviceError | undefined) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.events.emitClose(undefined);
  }

  /** Everything written so far, concatenated. */
  get allWritten(): Uint8Array {
    return Uint8Array.from(this.written.flatMap((w) => [...w]));
  }
}
