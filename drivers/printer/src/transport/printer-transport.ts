import type { DeviceError } from '@kiosk/device';

/**
 * The narrow interface every printer connection implements (after node-serialport's
 * BindingInterface): open, write with a deadline, bytes back, close. Implementations raise
 * DeviceError codes PRINTER_OFFLINE (refused, unplugged, closed by the peer), PRINTER_TIMEOUT
 * (a write or connect that does not finish in time) and PRINTER_UNSUPPORTED.
 */
export interface PrinterTransport {
  /** The URI it was made from, e.g. `tcp://127.0.0.1:9100`; used as the device id. */
  readonly uri: string;
  readonly isOpen: boolean;
  /** False for write-only channels (a device file); status requests are then skipped. */
  readonly bidirectional: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes are handed to the operating system. */
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once per connection when it ends; `error` is undefined for a local close(). */
  onClose(listener: (error: DeviceError | undefined) => void): () => void;
  close(): Promise<void>;
}

/** Listener bookkeeping shared by the transports. */
export class TransportEvents {
  private readonly data = new Set<(chunk: Uint8Array) => void>();
  private readonly closed = new Set<(error: DeviceError | undefined) => void>();

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onClose(listener: (error: DeviceError | undefined) => void): () => void {
    this.closed.add(listener);
    return () => this.closed.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    for (const l of this.data) l(chunk);
  }

  emitClose(error: DeviceError | undefined): void {
    for (const l of this.closed) l(error);
  }
}

/** Rejects with `onTimeout()` if `promise` has not settled within `ms`. */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
