import { SerialPort } from 'serialport';
import { DeviceError } from '@kiosk/device';
import type { FlowControl } from './printer-uri';
import { TransportEvents, withTimeout, type PrinterTransport } from './printer-transport';

/** How often the DSR line is polled while the printer holds it low (buffer full). */
const DSR_POLL_MS = 20;
/** DSR/DTR flow control is checked per chunk; small chunks keep the printer's buffer safe. */
const DSR_CHUNK = 256;

/**
 * RS-232 (or USB CDC, or a pty in tests) through node-serialport. XON/XOFF and RTS/CTS are done
 * by the operating system (termios); DSR/DTR flow control, which many thermal printers use and
 * termios does not offer, is done here by waiting for DSR before each chunk.
 */
export class SerialTransport implements PrinterTransport {
  readonly bidirectional = true;
  private port: SerialPort | undefined;
  private readonly events = new TransportEvents();

  constructor(
    readonly uri: string,
    private readonly path: string,
    private readonly baudRate: number,
    private readonly flow: FlowControl,
  ) {}

  get isOpen(): boolean {
    return this.port !== undefined;
  }

  async open(): Promise<void> {
    if (this.port) return;
    const port = new SerialPort({
      path: this.path,
      baudRate: this.baudRate,
      autoOpen: false,
      xon: this.flow === 'xonxoff',
      xoff: this.flow === 'xonxoff',
      rtscts: this.flow === 'rtscts',
      hupcl: false,
    });
    await new Promise<void>((resolve, reject) =>
      port.open((error) =>
        error
          ? reject(
              new DeviceError('PRINTER_OFFLINE', `cannot open ${this.path}: ${error.message}`, {
                cause: error,
              }),
            )
          : resolve(),
      ),
    );
    if (this.flow === 'dsrdtr')
      await new Promise<void>((resolve) => port.set({ dtr: true }, () => resolve()));
    port.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    port.on('error', () => undefined);
    port.once('close', (error: Error | null) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.events.emitClose(
        new DeviceError(
          'PRINTER_OFFLINE',
          `${this.path} closed${error ? `: ${error.message}` : ''}`,
        ),
      );
    });
    this.port = port;
  }

  private async waitForDsr(port: SerialPort, deadline: number): Promise<void> {
    for (;;) {
      const dsr = await new Promise<boolean>((resolve) =>
        port.get((error, status) => resolve(!error && status?.dsr === true)),
      );
      if (dsr) return;
      if (Date.now() > deadline)
        throw new DeviceError(
          'PRINTER_TIMEOUT',
          `${this.path}: DSR stayed low (printer busy or off)`,
        );
      await new Promise((r) => setTimeout(r, DSR_POLL_MS));
    }
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const port = this.port;
    if (!port) throw new DeviceError('PRINTER_OFFLINE', `${this.path} is not open`);
    const deadline = Date.now() + timeoutMs;
    const chunk = this.flow === 'dsrdtr' ? DSR_CHUNK : bytes.length;
    for (let at = 0; at < bytes.length; at += chunk) {
      if (this.flow === 'dsrdtr') await this.waitForDsr(port, deadline);
      const part = bytes.subarray(at, at + chunk);
      const drained = new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(part), (error) => {
          if (error)
            reject(
              new DeviceError('PRINTER_OFFLINE', `write to ${this.path} failed: ${error.message}`),
            );
          else
            port.drain((e) =>
              e ? reject(new DeviceError('PRINTER_OFFLINE', e.message)) : resolve(),
            );
        });
      });
      await withTimeout(drained, Math.max(1, deadline - Date.now()), () => {
        return new DeviceError(
          'PRINTER_TIMEOUT',
          `${this.path} took no data for ${timeoutMs} ms (flow control held)`,
        );
      });
    }
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error: DeviceError | undefined) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.port = undefined;
    await new Promise<void>((resolve) => port.close(() => resolve()));
    this.events.emitClose(undefined);
  }
}
