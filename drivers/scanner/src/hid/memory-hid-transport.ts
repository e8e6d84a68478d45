import type { HidDeviceInfo, HidLink, HidTransport } from './hid-transport';

class MemoryHidLink implements HidLink {
  private readonly reportListeners: Array<(r: Uint8Array) => void> = [];
  private readonly errorListeners: Array<(e: Error) => void> = [];
  closed = false;

  onReport(listener: (report: Uint8Array) => void): void {
    this.reportListeners.push(listener);
  }

  onError(listener: (error: Error) => void): void {
    this.errorListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  emit(report: Uint8Array): void {
    if (!this.closed) for (const l of this.reportListeners) l(report);
  }

  fail(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.errorListeners) l(error);
  }
}

/**
 * In-memory twin of the node-hid transport: `attach()` a device, `emit()` input reports from it,
 * `detach()` it (an open link fails with the error hidapi reports for a vanished device).
 */
export class MemoryHidTransport implements HidTransport {
  private readonly devices = new Map<string, { info: HidDeviceInfo; link?: MemoryHidLink }>();

  attach(info: HidDeviceInfo): void {
    this.devices.set(info.path, { info });
  }

  detach(path: string): void {
    const entry = this.devices.get(path);
    this.devices.delete(path);
    entry?.link?.fail(new Error('could not read from HID device'));
  }

  emit(path: string, report: Uint8Array): void {
    const link = this.devices.get(path)?.link;
    if (!link || link.closed) throw new Error(`nobody has ${path} open`);
    link.emit(report);
  }

  isOpen(path: string): boolean {
    const link = this.devices.get(path)?.link;
    return link !== undefined && !link.closed;
  }

  async list(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()].map((d) => d.info);
  }

  async open(path: string): Promise<HidLink> {
    const entry = this.devices.get(path);
    if (!entry) throw new Error(`cannot open device with path ${path}`);
    entry.link = new MemoryHidLink();
    return entry.link;
  }
}
