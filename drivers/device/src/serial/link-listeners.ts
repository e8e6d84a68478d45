import type { SerialPortError } from './serial-port-error';

/** The data and close listeners of one link; close is delivered once. */
export class LinkListeners {
  private readonly data = new Set<(chunk: Uint8Array) => void>();
  private readonly closed = new Set<(error?: SerialPortError) => void>();
  private ended = false;

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onClose(listener: (error?: SerialPortError) => void): () => void {
    this.closed.add(listener);
    return () => this.closed.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    if (this.ended) return;
    for (const listener of [...this.data]) listener(chunk);
  }

  emitClose(error?: SerialPortError): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of [...this.closed]) listener(error);
  }
}
