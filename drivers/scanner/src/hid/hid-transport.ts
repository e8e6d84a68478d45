/**
 * The narrow HID interface the scanner driver needs, shaped after node-hid: enumerate devices,
 * open one by path, receive its input reports. `MemoryHidTransport` is the in-memory twin.
 */
export interface HidDeviceInfo {
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product?: string;
  readonly serialNumber?: string;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly interface?: number;
}

export interface HidLink {
  onReport(listener: (report: Uint8Array) => void): void;
  /** Called once when the device fails (unplugged); not called after `close()`. */
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface HidTransport {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidLink>;
}
