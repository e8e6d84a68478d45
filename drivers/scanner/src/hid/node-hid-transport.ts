import { ScannerError } from '../scanner-error';
import type { HidDeviceInfo, HidLink, HidTransport } from './hid-transport';

interface NodeHidDevice {
  vendorId: number;
  productId: number;
  path?: string;
  product?: string;
  serialNumber?: string;
  usagePage?: number;
  usage?: number;
  interface: number;
}

interface NodeHidAsync {
  on(event: 'data', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): Promise<void>;
}

interface NodeHidModule {
  devicesAsync(): Promise<NodeHidDevice[]>;
  HIDAsync: { open(path: string, options?: { nonExclusive?: boolean }): Promise<NodeHidAsync> };
}

let loaded: Promise<NodeHidModule> | undefined;

/**
 * node-hid is an optional native dependency: loaded on first use so a kiosk without HID
 * scanners (or without the prebuilt binary) still starts, and the technician sees why.
 */
function loadNodeHid(): Promise<NodeHidModule> {
  loaded ??= import('node-hid').then(
    (m: unknown) => (m as { default?: NodeHidModule }).default ?? (m as NodeHidModule),
    (error: unknown) => {
      loaded = undefined;
      throw new ScannerError(
        'SCANNER_HID_UNAVAILABLE',
        'node-hid is not installed or failed to load; install it (npm install node-hid) or use a serial scanner',
        { cause: error },
      );
    },
  );
  return loaded;
}

export const nodeHidTransport: HidTransport = {
  async list(): Promise<HidDeviceInfo[]> {
    const hid = await loadNodeHid();
    const devices = await hid.devicesAsync();
    return devices.flatMap((d) =>
      d.path
        ? [
            {
              path: d.path,
              vendorId: d.vendorId,
              productId: d.productId,
              product: d.product,
              serialNumber: d.serialNumber,
              usagePage: d.usagePage,
              usage: d.usage,
              interface: d.interface,
            },
          ]
        : [],
    );
  },

  async open(path: string): Promise<HidLink> {
    const hid = await loadNodeHid();
    let device: NodeHidAsync;
    try {
      device = await hid.HIDAsync.open(path);
    } catch (error) {
      throw new ScannerError(
        'SCANNER_OPEN_FAILED',
        `cannot open HID device ${path} (udev permissions?)`,
        { cause: error },
      );
    }
    let closed = false;
    return {
      onReport: (listener) => device.on('data', (data) => listener(new Uint8Array(data))),
      onError: (listener) =>
        device.on('error', (error) => {
          if (!closed) listener(error);
        }),
      close: async () => {
        if (closed) return;
        closed = true;
        await device.close().catch(() => undefined);
      },
    };
  },
};
