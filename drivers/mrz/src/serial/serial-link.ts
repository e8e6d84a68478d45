/**
 * The narrow interface the MRZ reader needs from a serial port, after node-serialport's
 * `BindingInterface`: open a path at a baud rate, receive bytes, learn when it closes. The real
 * implementation wraps `serialport`; `MemorySerialPorts` is the in-memory twin.
 */
export interface SerialLink {
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the port closes, with the error when it was not asked to (unplug). */
  onClose(listener: (error?: Error) => void): void;
  write(data: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
}

export interface SerialPorts {
  /** Rejects when the device does not exist or cannot be opened. */
  open(path: string, baudRate: number): Promise<SerialLink>;
  /** Whether the device node exists now (for hot-plug polling). */
  exists(path: string): Promise<boolean>;
}
