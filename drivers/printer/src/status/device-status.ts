import type { DeviceStatus } from '@kiosk/device';
import type { PrinterStatus } from './printer-status';
import type { StatusPatch } from './status-bytes';

/** How a printer status shows as a device status event (UnifiedPOS-style). */
export function toDeviceStatus(s: PrinterStatus): { status: DeviceStatus; detail?: string } {
  if (!s.online && !s.coverOpen && s.paper !== 'out') return { status: 'offline' };
  if (s.coverOpen) return { status: 'cover-open' };
  if (s.paper === 'out') return { status: 'paper-out' };
  if (s.paper === 'near-end') return { status: 'paper-low' };
  if (s.cutterError) return { status: 'offline', detail: 'cutter error' };
  return { status: 'online', detail: s.extra.length > 0 ? s.extra.join(', ') : undefined };
}

/** A status with what one reply says laid over it. */
export function mergeStatus(base: PrinterStatus, patch: StatusPatch): PrinterStatus {
  return { ...base, ...patch };
}
