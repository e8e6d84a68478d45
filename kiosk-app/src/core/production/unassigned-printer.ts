import { DeviceError } from '@kiosk/device';
import type { PrinterTransport } from '@kiosk/printer';

/** The address the printer shows while none is assigned (the device list, the audit log). */
export const UNASSIGNED_PRINTER_URI = 'unassigned';

/**
 * A printer transport that cannot open, with the reason a technician can act on: no printer is
 * assigned yet, or the assigned address cannot be opened on this build (`usb:`, `cups:`). The
 * kiosk still starts; the journey's printer check answers `PRINTER_UNAVAILABLE` with this code,
 * and the health report shows the printer offline, until a technician assigns a printer.
 */
export class UnopenablePrinterTransport implements PrinterTransport {
  readonly isOpen = false;
  readonly bidirectional = true;

  constructor(
    readonly uri: string,
    private readonly reason: DeviceError,
  ) {}

  /** No printer is assigned in the configuration. */
  static unassigned(): UnopenablePrinterTransport {
    return new UnopenablePrinterTransport(
      UNASSIGNED_PRINTER_URI,
      new DeviceError(
        'PRINTER_NOT_ASSIGNED',
        'no receipt printer is assigned: set printerUri in the configuration or assign one on the Devices tab',
      ),
    );
  }

  open(): Promise<void> {
    return Promise.reject(this.reason);
  }

  write(): Promise<void> {
    return Promise.reject(this.reason);
  }

  onData(): () => void {
    return () => undefined;
  }

  onClose(): () => void {
    return () => undefined;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
