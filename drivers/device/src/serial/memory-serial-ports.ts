import { LinkListeners } from './link-listeners';
import { serialPortError, type SerialPortError } from './serial-port-error';
import type {
  SerialInputLines,
  SerialLink,
  SerialOpenOptions,
  SerialOutputLines,
  SerialPortInfo,
  SerialPorts,
} from './serial-ports';

interface MemoryPort {
  readonly info: SerialPortInfo;
  link?: MemoryLink;
  inputLines: SerialInputLines;
  readonly written: Uint8Array[];
}

class MemoryLink implements SerialLink {
  private readonly listeners = new LinkListeners();
  private open = true;
  outputLines: SerialOutputLines = {};

  constructor(
    private readonly port: MemoryPort,
    readonly options: SerialOpenOptions,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  private notOpen(): SerialPortError {
    return serialPortError('SERIAL_NOT_OPEN', `${this.options.path} is not open`);
  }

  async write(bytes: Uint8Array | string): Promise<void> {
    if (!this.open) throw this.notOpen();
    this.port.written.push(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  async set(lines: SerialOutputLines): Promise<void> {
    if (!this.open) throw this.notOpen();
    this.outputLines = { ...this.outputLines, ...lines };
  }

  async get(): Promise<SerialInputLines> {
    if (!this.open) throw this.notOpen();
    return this.port.inputLines;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onClose(listener: (error?: SerialPortError) => void): () => void {
    return this.listeners.onClose(listener);
  }

  async close(): Promise<void> {
    this.end();
  }

  receive(chunk: Uint8Array): void {
    if (this.open) this.listeners.emitData(chunk);
  }

  end(error?: SerialPortError): void {
    if (!this.open) return;
    this.open = false;
    this.listeners.emitClose(error);
  }
}

/**
 * In-memory twin of `nodeSerialPorts`, after node-serialport's `MockBinding`: `plug()` a device
 * (MockBinding's `createPort`), `emit()` bytes from it (`emitData`), read what was `written()`,
 * `unplug()` it (open links close with `SERIAL_DISCONNECTED`, as a vanished tty does), `reset()`.
 * Opening a missing or busy port fails with the same codes the real one gives.
 */
export class MemorySerialPorts implements SerialPorts {
  private readonly ports = new Map<string, MemoryPort>();
  /** How many times a port was opened (a reopen after replug counts). */
  opens = 0;

  plug(path: string, info: Omit<SerialPortInfo, 'path'> = {}): void {
    if (!this.ports.has(path))
      this.ports.set(path, {
        info: { path, ...info },
        inputLines: { cts: true, dsr: true, dcd: true },
        written: [],
      });
  }

  unplug(path: string): void {
    const port = this.ports.get(path);
    this.ports.delete(path);
    port?.link?.end(
      serialPortError('SERIAL_DISCONNECTED', `${path}: Input/output error (device disconnected)`),
    );
  }

  /** Unplugs every port (MockBinding's `reset`). */
  reset(): void {
    for (const path of [...this.ports.keys()]) this.unplug(path);
    this.opens = 0;
  }

  /** Bytes from the device to whoever has the port open; lost if it was closed since. */
  emit(path: string, data: Uint8Array | string): void {
    const link = this.ports.get(path)?.link;
    if (!link) throw new Error(`nobody has opened ${path}`);
    link.receive(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Everything written to the port since it was plugged, in order. */
  written(path: string): Uint8Array {
    return Buffer.concat(this.ports.get(path)?.written ?? []);
  }

  /** Drives the device's modem lines (a printer holding DSR low while its buffer is full). */
  setInputLines(path: string, lines: Partial<SerialInputLines>): void {
    const port = this.ports.get(path);
    if (port) port.inputLines = { ...port.inputLines, ...lines };
  }

  /** The options of the open link on `path`, for asserting baud rate and flow control. */
  openOptions(path: string): SerialOpenOptions | undefined {
    const link = this.ports.get(path)?.link;
    return link?.isOpen ? link.options : undefined;
  }

  /** The modem lines the host drives on the open link (DTR raised for DSR/DTR flow control). */
  outputLines(path: string): SerialOutputLines | undefined {
    const link = this.ports.get(path)?.link;
    return link?.isOpen ? link.outputLines : undefined;
  }

  isOpen(path: string): boolean {
    return this.ports.get(path)?.link?.isOpen === true;
  }

  async list(): Promise<SerialPortInfo[]> {
    return [...this.ports.values()].map((p) => p.info);
  }

  async exists(path: string): Promise<boolean> {
    return this.ports.has(path);
  }

  async open(options: SerialOpenOptions): Promise<SerialLink> {
    const { path } = options;
    const port = this.ports.get(path);
    if (!port)
      throw serialPortError(
        'SERIAL_NO_SUCH_PORT',
        `cannot open ${path}: Error: No such file or directory, cannot open ${path}`,
      );
    if (port.link?.isOpen)
      throw serialPortError(
        'SERIAL_PORT_LOCKED',
        `cannot open ${path}: Error Resource temporarily unavailable Cannot lock port`,
      );
    this.opens += 1;
    port.link = new MemoryLink(port, options);
    return port.link;
  }
}
