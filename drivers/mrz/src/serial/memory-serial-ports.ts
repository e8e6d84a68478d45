import type { SerialLink, SerialPorts } from './serial-link';

interface MemoryPort {
  link?: MemoryLink;
}

class MemoryLink implements SerialLink {
  private readonly dataListeners: Array<(chunk: Uint8Array) => void> = [];
  private readonly closeListeners: Array<(error?: Error) => void> = [];
  closed = false;
  readonly written: string[] = [];

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    this.closeListeners.push(listener);
  }

  async write(data: Uint8Array | string): Promise<void> {
    if (this.closed) throw new Error('Port is not open');
    this.written.push(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
  }

  async close(): Promise<void> {
    this.end();
  }

  emit(chunk: Uint8Array): void {
    if (!this.closed) for (const l of this.dataListeners) l(chunk);
  }

  end(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners) l(error);
  }
}

/**
 * In-memory twin of `nodeSerialPorts`, after node-serialport's MockBinding: `plug()` a device,
 * `emit()` bytes from it, `unplug()` it (open links close with the error the kernel gives a
 * vanished tty). Opening a missing or busy port fails with the same messages the real one does.
 */
export class MemorySerialPorts implements SerialPorts {
  private readonly ports = new Map<string, MemoryPort>();
  opens = 0;

  plug(path: string): void {
    if (!this.ports.has(path)) this.ports.set(path, {});
  }

  unplug(path: string): void {
    const port = this.ports.get(path);
    this.ports.delete(path);
    port?.link?.end(new Error(`Error: ${path}: Input/output error (device disconnected)`));
  }

  emit(path: string, data: Uint8Array | string): void {
    const link = this.ports.get(path)?.link;
    if (!link) throw new Error(`nobody has ${path} open`);
    link.emit(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  isOpen(path: string): boolean {
    const link = this.ports.get(path)?.link;
    return link !== undefined && !link.closed;
  }

  async exists(path: string): Promise<boolean> {
    return this.ports.has(path);
  }

  async open(path: string): Promise<SerialLink> {
    const port = this.ports.get(path);
    if (!port) throw new Error(`Error: No such file or directory, cannot open ${path}`);
    if (port.link && !port.link.closed)
      throw new Error('Error Resource temporarily unavailable Cannot lock port');
    this.opens += 1;
    port.link = new MemoryLink();
    return port.link;
  }
}
