import { Socket } from 'node:net';
import { DeviceError } from '@kiosk/device';
import { TransportEvents, withTimeout, type PrinterTransport } from './printer-transport';

/** Raw TCP to a network printer's port 9100 ("JetDirect"/AppSocket). */
export class TcpTransport implements PrinterTransport {
  readonly bidirectional = true;
  private socket: Socket | undefined;
  private readonly events = new TransportEvents();

  constructor(
    readonly uri: string,
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = 3000,
  ) {}

  get isOpen(): boolean {
    return this.socket !== undefined;
  }

  async open(): Promise<void> {
    if (this.socket) return;
    const socket = new Socket();
    socket.setNoDelay(true);
    const connected = new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          new DeviceError(
            'PRINTER_OFFLINE',
            `cannot connect to ${this.host}:${this.port}: ${e.code === 'ECONNREFUSED' ? 'connection refused' : e.message}`,
            { cause: e },
          ),
        ),
      );
    });
    socket.connect(this.port, this.host);
    try {
      await withTimeout(connected, this.connectTimeoutMs, () => {
        return new DeviceError(
          'PRINTER_TIMEOUT',
          `no answer from ${this.host}:${this.port} within ${this.connectTimeoutMs} ms`,
        );
      });
    } catch (error) {
      socket.destroy();
      throw error;
    }
    socket.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    socket.on('error', () => undefined); // reported through 'close'
    socket.once('close', (hadError) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.events.emitClose(
        new DeviceError(
          'PRINTER_OFFLINE',
          `connection to ${this.host}:${this.port} closed${hadError ? ' with an error' : ''}`,
        ),
      );
    });
    this.socket = socket;
  }

  async write(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    const socket = this.socket;
    if (!socket) throw new DeviceError('PRINTER_OFFLINE', `${this.uri} is not connected`);
    const written = new Promise<void>((resolve, reject) => {
      socket.write(bytes, (error) =>
        error
          ? reject(
              new DeviceError('PRINTER_OFFLINE', `write to ${this.uri} failed: ${error.message}`),
            )
          : resolve(),
      );
    });
    try {
      await withTimeout(written, timeoutMs, () => {
        return new DeviceError(
          'PRINTER_TIMEOUT',
          `${this.uri} took no data for ${timeoutMs} ms (stalled)`,
        );
      });
    } catch (error) {
      // A stalled peer keeps our buffer full; drop the connection so nothing is sent twice later.
      if (error instanceof DeviceError && error.code === 'PRINTER_TIMEOUT') socket.destroy();
      throw error;
    }
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error: DeviceError | undefined) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.socket = undefined;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 500).unref();
    });
    this.events.emitClose(undefined);
  }
}
