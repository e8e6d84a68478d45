import { DeviceError, nodeSerialPorts, type SerialLink, type SerialPorts } from '@kiosk/device';
import type { FlowControl } from './printer-uri';
import { TransportEvents, withTimeout, type PrinterTransport } from './printer-transport';

/** How often the DSR line is polled while the printer holds it low (buffer full). */
const DSR_POLL_MS = 20;
/** DSR/DTR flow control is checked per chunk; small chunks keep the printer's buffer safe. */
const DSR_CHUNK = 256;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * RS-232 (or USB CDC, or a pty in tests) through `@kiosk/device`'s `SerialPorts`. XON/XOFF and RTS/CTS are done
 * by the operating system (termios); DSR/DTR flow control, which many thermal printers use and
 * termios does not offer, is done here by waiting for DSR before each chunk.
 */
export class SerialTransport implements PrinterTransport {
  readonly bidirectional = true;
  private link: SerialLink | undefined;
  private readonly events = new TransportEvents();

  constructor(
    readonly uri: string,
    private readonly path: string,
    private readonly baudRate: number,
    private readonly flow: FlowControl,
    private readonly ports: SerialPorts = nodeSerialPorts,
  ) {}

  get isOpen(): boolean {
    return this.link !== undefined;
  }

  async open(): Promise<void> {
    if (this.link) return;
    let link: SerialLink;
    try {
      link = await this.ports.open({
        path: this.path,
        baudRate: this.baudRate,
        xon: this.flow === 'xonxoff',
        xoff: this.flow === 'xonxoff',
        rtscts: this.flow === 'rtscts',
        hupcl: false,
      });
    } catch (error) {
      throw new DeviceError('PRINTER_OFFLINE', messageOf(error), { cause: error });
    }
    if (this.flow === 'dsrdtr') await link.set({ dtr: true }).catch(() => undefined);
    link.onData((chunk) => this.events.emitData(chunk));
    link.onClose((error) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.events.emitClose(
        new DeviceError(
          'PRINTER_OFFLINE',
          `${this.path} closed${error ? `: ${error.message}` : ''}`,
        ),
      );
    });
    this.link = link;
  }

  private async waitForDsr(link: SerialLink, deadline: number): Promise<void> {
    for (;;) {
      const dsr = await link.get().then(
        (lines) => lines.dsr,
        () => false,
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
    const link = this.link;
    if (!link) throw new DeviceError('PRINTER_OFFLINE', `${this.path} is not open`);
    const deadline = Date.now() + timeoutMs;
    const chunk = this.flow === 'dsrdtr' ? DSR_CHUNK : bytes.length;
    for (let at = 0; at < bytes.length; at += chunk) {
      if (this.flow === 'dsrdtr') await this.waitForDsr(link, deadline);
      const drained = link.write(bytes.subarray(at, at + chunk)).catch((error: unknown) => {
        throw new DeviceError('PRINTER_OFFLINE', messageOf(error), { cause: error });
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
    const link = this.link;
    if (!link) return;
    this.link = undefined;
    await link.close();
    this.events.emitClose(undefined);
  }
}
