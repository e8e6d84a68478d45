import {
  PresenceDebouncer,
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
} from '@kiosk/device';
import type { Scan } from '../scan';
import { ScannerError } from '../scanner-error';
import { HID_POS_USAGE_PAGE, HidPosDecoder, type HidPosReportLayout } from './hid-pos-decoder';
import type { HidDeviceInfo, HidLink, HidTransport } from './hid-transport';
import { KeyboardWedgeDecoder } from './keyboard-wedge-decoder';
import { nodeHidTransport } from './node-hid-transport';

export type HidScannerMode = 'keyboard-wedge' | 'hid-pos';

export interface HidScannerOptions {
  readonly vendorId: number;
  readonly productId: number;
  /** Which interface to use when the scanner exposes several; by default from `mode`. */
  readonly usagePage?: number;
  /** By default HID POS when the device has a 0x8C interface, else keyboard wedge. */
  readonly mode?: HidScannerMode;
  readonly posLayout?: HidPosReportLayout;
  /** Keyboard report ID, for scanners that number their boot keyboard report. */
  readonly keyboardReportId?: number;
  readonly transport?: HidTransport;
  /** Hot-plug poll period; 0 disables the timer (tests call `poll()`). */
  readonly pollIntervalMs?: number;
  readonly missesBeforeGone?: number;
}

/** Generic Desktop page (0x01), usage Keyboard (0x06): HID 1.11 boot keyboard interface. */
const GENERIC_DESKTOP = 0x01;

function pickInterface(
  devices: readonly HidDeviceInfo[],
  o: HidScannerOptions,
): HidDeviceInfo | undefined {
  const mine = devices.filter((d) => d.vendorId === o.vendorId && d.productId === o.productId);
  const page =
    o.usagePage ??
    (o.mode === 'keyboard-wedge'
      ? GENERIC_DESKTOP
      : o.mode === 'hid-pos'
        ? HID_POS_USAGE_PAGE
        : undefined);
  if (page !== undefined)
    return (
      mine.find((d) => d.usagePage === page) ?? (o.usagePage === undefined ? mine[0] : undefined)
    );
  return mine.find((d) => d.usagePage === HID_POS_USAGE_PAGE) ?? mine[0];
}

/**
 * A QR/barcode scanner on USB HID, selected by VID/PID, in keyboard-wedge or HID POS mode.
 * Emits decoded scans; unplug is reported `offline` and the device is reopened when it returns.
 * Reading a wedge scanner through hidraw means its keystrokes never reach the kiosk's focused
 * text field, so a scan cannot leak into (or be typed by) the UI.
 *
 * @example
 * const scanner = new HidScanner({ vendorId: 0x0c2e, productId: 0x0b61 });
 * scanner.onScan((scan) => flow.send({ type: 'QR', text: scan.text }));
 * await scanner.open(); await scanner.enable();
 */
export class HidScanner implements Device {
  readonly id: string;
  private currentState: DeviceState = 'closed';
  private readonly status: StatusEmitter;
  private readonly debouncer: PresenceDebouncer;
  private readonly transport: HidTransport;
  private link: HidLink | undefined;
  private activeMode: HidScannerMode | undefined;
  private enabled = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly scanListeners = new Set<(scan: Scan) => void>();
  private readonly errorListeners = new Set<(error: ScannerError) => void>();

  constructor(private readonly options: HidScannerOptions) {
    const hex = (n: number): string => n.toString(16).padStart(4, '0');
    this.id = `hid:${hex(options.vendorId)}:${hex(options.productId)}`;
    this.status = new StatusEmitter(this.id);
    this.debouncer = new PresenceDebouncer(options.missesBeforeGone ?? 2);
    this.transport = options.transport ?? nodeHidTransport;
  }

  get state(): DeviceState {
    return this.currentState;
  }

  get mode(): HidScannerMode | undefined {
    return this.activeMode;
  }

  onStatus(listener: (event: DeviceStatusEvent) => void): () => void {
    return this.status.on(listener);
  }

  onScan(listener: (scan: Scan) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onError(listener: (error: ScannerError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Starts watching; rejects only when HID itself is unavailable (node-hid missing). */
  async open(): Promise<void> {
    if (this.currentState !== 'closed') return;
    this.currentState = 'idle';
    try {
      await this.poll();
    } catch (error) {
      this.currentState = 'closed';
      throw error;
    }
    if (!this.link) this.status.emit('offline', 'scanner not connected');
    const every = this.options.pollIntervalMs ?? 1000;
    if (every > 0) this.timer = setInterval(() => void this.poll().catch(() => undefined), every);
  }

  async claim(): Promise<void> {}

  async enable(): Promise<void> {
    this.enabled = true;
  }

  async disable(): Promise<void> {
    this.enabled = false;
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.currentState = 'closed';
    this.enabled = false;
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  /** One hot-plug observation. */
  async poll(): Promise<void> {
    if (this.currentState === 'closed') return;
    const info = pickInterface(await this.transport.list(), this.options);
    const change = this.debouncer.observe(info !== undefined);
    if (change === 'gone' && this.link) this.drop('scanner unplugged');
    if (info && !this.link) await this.connect(info);
  }

  private async connect(info: HidDeviceInfo): Promise<void> {
    let link: HidLink;
    try {
      link = await this.transport.open(info.path);
    } catch (error) {
      const e =
        error instanceof ScannerError
          ? error
          : new ScannerError('SCANNER_OPEN_FAILED', `cannot open ${info.path}`, { cause: error });
      this.status.emit('offline', e.message);
      return;
    }
    const mode: HidScannerMode =
      this.options.mode ?? (info.usagePage === HID_POS_USAGE_PAGE ? 'hid-pos' : 'keyboard-wedge');
    this.activeMode = mode;
    const decode = this.decoderFor(mode);
    link.onReport((report) => decode(report));
    link.onError((error) => {
      if (this.link === link) this.drop(`scanner lost: ${error.message}`);
    });
    this.link = link;
    this.status.emit('online', `${mode} ${info.product ?? info.path}`);
  }

  private decoderFor(mode: HidScannerMode): (report: Uint8Array) => void {
    if (mode === 'hid-pos') {
      const pos = new HidPosDecoder(this.options.posLayout);
      return (report) => {
        for (const e of pos.push(report)) {
          if (e.kind === 'scan')
            this.emitScan({ text: e.text, symbology: e.symbology, source: 'hid-pos' });
          else this.emitError(e.error);
        }
      };
    }
    const wedge = new KeyboardWedgeDecoder({ reportId: this.options.keyboardReportId });
    return (report) => {
      for (const e of wedge.push(report)) {
        if (e.kind === 'scan') this.emitScan({ text: e.text, source: 'keyboard-wedge' });
        else this.emitError(e.error);
      }
    };
  }

  private drop(detail: string): void {
    const link = this.link;
    this.link = undefined;
    void link?.close();
    this.status.emit('offline', detail);
  }

  private emitScan(scan: Scan): void {
    if (this.enabled) for (const l of this.scanListeners) l(scan);
  }

  private emitError(error: ScannerError): void {
    if (this.enabled) for (const l of this.errorListeners) l(error);
  }
}
