import { open, type FileHandle } from 'node:fs/promises';
import { DeviceError } from '@kiosk/device';
import { TransportEvents, withTimeout, type PrinterTransport } from './printer-transport';

/**
 * A printer device file, e.g. `/dev/usb/lp0` of the kernel's usblp driver. Write-only here:
 * reads on usblp block a thread until the printer answers, so status is not requested and the
 * driver relies on the printer's own error handling (documented limitation).
 */
export class DeviceFileTransport implements PrinterTransport {
  readonly bidirectional = false;
  private handle: FileHandle | undefined;
  private readonly events = new TransportEvents();

  constructor(
    readonly uri: string,
    private readonly path: string,
  ) {}

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await open(this.path, 'r+'); // never creates: a missing device is an error
    } catch (error) {
      throw new DeviceError(
        'PRINTER_OFFLINE',
        `cannot open ${this.path}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new DeviceError('PRINTER_OFFLINE', `${this.path} is not open`);
    await withTimeout(
      handle.write(bytes).then(() => undefined),
      timeoutMs,
      () => new DeviceError('PRINTER_TIMEOUT', `${this.path} took no data for ${timeoutMs} ms`),
    ).catch((error: unknown) => {
      if (error instanceof DeviceError) throw error;
      throw new DeviceError(
        'PRINTER_OFFLINE',
        `write to ${this.path} failed: ${(error as Error).message}`,
      );
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error: DeviceError | undefined) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    await handle.close();
    this.events.emitClose(undefined);
  }
}
