import type { SerialPortError } from './serial-port-error';

/**
 * How a port is opened: node-serialport's `OpenOptions`, the parts the kiosk's devices use.
 * XON/XOFF and RTS/CTS are done by the operating system (termios).
 */
export interface SerialOpenOptions {
  /** e.g. `/dev/ttyUSB0`, `/dev/serial/by-id/...`, or a pty symlink in tests. */
  readonly path: string;
  readonly baudRate: number;
  readonly rtscts?: boolean;
  readonly xon?: boolean;
  readonly xoff?: boolean;
  /** Drop DTR on close (default true, as in node-serialport). */
  readonly hupcl?: boolean;
}

/** The modem input lines, as `BindingPortInterface.get()` reports them. */
export interface SerialInputLines {
  readonly cts: boolean;
  readonly dsr: boolean;
  readonly dcd: boolean;
}

/** The modem output lines `set()` drives. */
export interface SerialOutputLines {
  readonly dtr?: boolean;
  readonly rts?: boolean;
}

/**
 * One open port, after node-serialport's `BindingPortInterface` but push-based (every driver
 * here consumes a byte stream): bytes arrive through `onData`, the end through `onClose`.
 * Every failure is a `SerialPortError`.
 */
export interface SerialLink {
  readonly isOpen: boolean;
  /** Resolves once the bytes are handed to the operating system and drained. */
  write(bytes: Uint8Array | string): Promise<void>;
  set(lines: SerialOutputLines): Promise<void>;
  get(): Promise<SerialInputLines>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /**
   * Called once when the link ends: without an error for a local `close()`, with
   * `SERIAL_DISCONNECTED` when the device went away.
   */
  onClose(listener: (error?: SerialPortError) => void): () => void;
  close(): Promise<void>;
}

/** A port the system lists (node-serialport's `PortInfo`, the parts the kiosk shows). */
export interface SerialPortInfo {
  readonly path: string;
  /** Hex, lower case, as udev gives it (`0403`). */
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
}

/**
 * The serial ports of the machine, after node-serialport's `BindingInterface` (`list`, `open`).
 * `exists` is there because ptys and some built-in UARTs are not listed by udev, yet a hot-plug
 * watcher must see them come and go. `nodeSerialPorts` is the real one, `MemorySerialPorts` the
 * in-memory twin; `describeSerialPortsConformance` holds both to the same behaviour.
 */
export interface SerialPorts {
  list(): Promise<SerialPortInfo[]>;
  /** Whether the device node exists now. */
  exists(path: string): Promise<boolean>;
  /** Rejects with `SERIAL_NO_SUCH_PORT`, `SERIAL_PORT_LOCKED` or `SERIAL_IO`. */
  open(options: SerialOpenOptions): Promise<SerialLink>;
}
