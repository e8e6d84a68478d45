import type { PrinterStatus } from './printer-status';
import { automaticStatusBack, realtimeStatus } from '../escpos/escpos-commands';

/**
 * Bit layouts of Epson ESC/POS status replies (ESC/POS Application Programming Guide,
 * "DLE EOT n — transmit real-time status" and "GS a n — enable/disable ASB").
 *
 * A `DLE EOT` reply byte always has the fixed pattern `0xx1xx10`; the first ASB byte has
 * `0xx1xx00` and the other three `0xx0xxxx`. These fixed bits are how the reader tells them apart
 * from each other and from other replies on the same line.
 */
export type RealtimeKind = 1 | 2 | 3 | 4;

export function isRealtimeReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function isAsbFirst(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

export function isAsbFollowing(byte: number): boolean {
  return (byte & 0x90) === 0x00;
}

/** `DLE EOT n` request bytes. */
export function realtimeRequest(n: RealtimeKind): Uint8Array {
  return Uint8Array.from(realtimeStatus(n));
}

/** `GS a n` with bits: 1 drawer, 2 online/offline, 4 errors, 8 roll paper sensor. */
export function enableAsb(on: boolean): Uint8Array {
  return Uint8Array.from(automaticStatusBack(on ? 0x0f : 0x00));
}

/** What one real-time reply says; fields it does not cover stay undefined. */
export type StatusPatch = { -readonly [K in keyof PrinterStatus]?: PrinterStatus[K] };

export function decodeRealtime(n: RealtimeKind, byte: number): StatusPatch {
  switch (n) {
    case 1: // printer status: bit 3 offline
      return { online: (byte & 0x08) === 0 };
    case 2: // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
      return {
        coverOpen: (byte & 0x04) !== 0,
        ...((byte & 0x20) !== 0 ? { paper: 'out' as const } : {}),
      };
    case 3: // error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable
      return { cutterError: (byte & 0x08) !== 0, otherError: (byte & 0x60) !== 0 };
    case 4: // roll paper sensor: bits 2-3 near end, bits 5-6 end
      return { paper: (byte & 0x60) !== 0 ? 'out' : (byte & 0x0c) !== 0 ? 'near-end' : 'ok' };
  }
}

/** The 4-byte automatic status back. */
export function decodeAsb(bytes: readonly [number, number, number, number]): StatusPatch {
  const [b1, b2, b3] = bytes;
  return {
    online: (b1 & 0x08) === 0,
    coverOpen: (b1 & 0x20) !== 0,
    cutterError: (b2 & 0x08) !== 0,
    otherError: (b2 & 0x60) !== 0,
    paper: (b3 & 0x0c) !== 0 ? 'out' : (b3 & 0x03) !== 0 ? 'near-end' : 'ok',
  };
}

/** Builds replies from a status: used by the virtual printer and by tests. */
export function encodeRealtime(n: RealtimeKind, s: PrinterStatus): number {
  switch (n) {
    case 1:
      return 0x12 | (s.online ? 0 : 0x08);
    case 2:
      return (
        0x12 |
        (s.coverOpen ? 0x04 : 0) |
        (s.paper === 'out' ? 0x20 : 0) |
        (s.cutterError || s.otherError ? 0x40 : 0)
      );
    case 3:
      return 0x12 | (s.cutterError ? 0x08 : 0) | (s.otherError ? 0x20 : 0);
    case 4:
      return 0x12 | (s.paper === 'out' ? 0x6c : s.paper === 'near-end' ? 0x0c : 0);
  }
}

export function encodeAsb(s: PrinterStatus): [number, number, number, number] {
  return [
    0x10 | (s.online ? 0 : 0x08) | (s.coverOpen ? 0x20 : 0),
    (s.cutterError ? 0x08 : 0) | (s.otherError ? 0x20 : 0),
    s.paper === 'out' ? 0x0f : s.paper === 'near-end' ? 0x03 : 0,
    0x00,
  ];
}
