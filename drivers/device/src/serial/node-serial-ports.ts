import { access } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { LinkListeners } from './link-listeners';
import {
  serialPortError,
  type SerialPortError,
  type SerialPortErrorCode,
} from './serial-port-error';
import type { SerialLink, SerialOpenOptions, SerialPorts } from './serial-ports';

/** node-serialport's messages on Linux ("Error: No such file or directory, cannot open ..."). */
function openErrorCode(error: Error): SerialPortErrorCode {
  if (/no such file|ENOENT/i.test(error.message)) return 'SERIAL_NO_SUCH_PORT';
  if (/cannot lock port/i.test(error.message)) return 'SERIAL_PORT_LOCKED';
  return 'SERIAL_IO';
}

function ioError(path: string, what: string, error: Error): SerialPortError {
  return serialPortError('SERIAL_IO', `${what} ${path} failed: ${error.message}`, error);
}

class NodeSerialLink implements SerialLink {
  private readonly listeners = new LinkListeners();

  constructor(
    private readonly port: SerialPort,
    private readonly path: string,
  ) {
    port.on('data', (chunk: Buffer) => this.listeners.emitData(new Uint8Array(chunk)));
    // Errors also arrive as a failed call or as 'close'; an unheard 'error' would crash the core.
    port.on('error', () => undefined);
    port.once('close', (error?: (Error & { disconnected?: boolean }) | null) =>
      this.listeners.emitClose(
        error
          ? serialPortError('SERIAL_DISCONNECTED', `${path}: ${error.message}`, error)
          : undefined,
      ),
    );
  }

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  write(bytes: Uint8Array | string): Promise<void> {
    if (!this.port.isOpen)
      return Promise.reject(serialPortError('SERIAL_NOT_OPEN', `${this.path} is not open`));
    const data = typeof bytes === 'string' ? bytes : Buffer.from(bytes);
    return new Promise<void>((resolve, reject) => {
      this.port.write(data, (error) => {
        if (error) return reject(ioError(this.path, 'write to', error));
        this.port.drain((e) => (e ? reject(ioError(this.path, 'drain of', e)) : resolve()));
      });
    });
  }

  set(lines: { dtr?: boolean; rts?: boolean }): Promise<void> {
    if (!this.port.isOpen)
      return Promise.reject(serialPortError('SERIAL_NOT_OPEN', `${this.path} is not open`));
    return new Promise<void>((resolve, reject) =>
      this.port.set(lines, (error) =>
        error ? reject(ioError(this.path, 'setting lines of', error)) : resolve(),
      ),
    );
  }

  get(): Promise<{ cts: boolean; dsr: boolean; dcd: boolean }> {
    if (!this.port.isOpen)
      return Promise.reject(serialPortError('SERIAL_NOT_OPEN', `${this.path} is not open`));
    return new Promise((resolve, reject) =>
      this.port.get((error, status) =>
        error || !status
          ? reject(ioError(this.path, 'reading lines of', error ?? new Error('no status')))
          : resolve({ cts: status.cts, dsr: status.dsr, dcd: status.dcd }),
      ),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: SerialPortError) => void): () => void {
    return this.listeners.onClose(listener);
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}

/** `SerialPorts` over node-serialport; works for USB adapters, built-in UARTs and ptys alike. */
export const nodeSerialPorts: SerialPorts = {
  async list() {
    const ports = await SerialPort.list();
    return ports.map((p) => ({
      path: p.path,
      vendorId: p.vendorId?.toLowerCase(),
      productId: p.productId?.toLowerCase(),
      manufacturer: p.manufacturer,
    }));
  },

  async exists(path) {
    try {
      await access(path);
      return true;
    } catch {
      return false;
    }
  },

  open(options: SerialOpenOptions) {
    const port = new SerialPort({ ...options, autoOpen: false });
    return new Promise<SerialLink>((resolve, reject) =>
      port.open((error) =>
        error
          ? reject(
              serialPortError(
                openErrorCode(error),
                `cannot open ${options.path}: ${error.message}`,
                error,
              ),
            )
          : resolve(new NodeSerialLink(port, options.path)),
      ),
    );
  },
};
