import { ScannerError } from '../scanner-error';

/**
 * HID Point of Sale Usage Tables (usage page 0x8C, Bar Code Scanner): a scan arrives as one or
 * more "Scanned Data" input reports carrying the symbology identifiers, a chunk of Decoded Data
 * and a "Decoded Data Continued" flag when more reports follow. Where each item sits comes from
 * the device's report descriptor; the layouts of common scanners are kept as data here.
 */
export interface HidPosReportLayout {
  readonly reportId: number;
  /** Bytes in a report, report ID included. */
  readonly reportLength: number;
  /** Byte holding the number of decoded-data bytes in this report. */
  readonly lengthOffset: number;
  readonly symbologyOffset: number;
  readonly symbologyLength: number;
  readonly dataOffset: number;
  /** Where the Decoded Data Continued flag lives. */
  readonly continuationOffset: number;
  readonly continuationMask: number;
}

/** The 64-byte Scanned Data report (ID 2) of Honeywell and compatible HID POS scanners. */
export const HID_POS_SCANNED_DATA_64: HidPosReportLayout = {
  reportId: 0x02,
  reportLength: 64,
  lengthOffset: 1,
  symbologyOffset: 2,
  symbologyLength: 3,
  dataOffset: 5,
  continuationOffset: 63,
  continuationMask: 0x01,
};

export const HID_POS_USAGE_PAGE = 0x8c;

export type HidPosEvent =
  | { readonly kind: 'scan'; readonly text: string; readonly symbology?: string }
  | { readonly kind: 'error'; readonly error: ScannerError };

const MAX_SCAN_BYTES = 8192;

function bad(message: string): HidPosEvent {
  return { kind: 'error', error: new ScannerError('SCANNER_BAD_REPORT', message) };
}

export class HidPosDecoder {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private symbology: string | undefined;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly layout: HidPosReportLayout = HID_POS_SCANNED_DATA_64) {}

  push(report: Uint8Array): HidPosEvent[] {
    const l = this.layout;
    if (report[0] !== l.reportId) return []; // other reports (status, feature echoes) are not scans
    if (report.length < l.dataOffset || report.length > l.reportLength) {
      this.reset();
      return [bad(`scanned-data report of ${report.length} bytes, expected ${l.reportLength}`)];
    }
    const capacity = Math.min(report.length, l.continuationOffset) - l.dataOffset;
    const length = report[l.lengthOffset] ?? 0;
    if (length > capacity) {
      this.reset();
      return [bad(`report claims ${length} data bytes, room for ${capacity}`)];
    }
    if (this.chunks.length === 0) this.symbology = this.symbologyOf(report);
    this.chunks.push(report.slice(l.dataOffset, l.dataOffset + length));
    this.size += length;
    if (this.size > MAX_SCAN_BYTES) {
      this.reset();
      return [bad('scan longer than 8 KiB')];
    }
    const more = ((report[l.continuationOffset] ?? 0) & l.continuationMask) !== 0;
    if (more) return [];
    const bytes = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    const symbology = this.symbology;
    this.reset();
    try {
      const text = this.utf8.decode(bytes);
      return [{ kind: 'scan', text, symbology }];
    } catch {
      return [bad('scan is not valid UTF-8')];
    }
  }

  private symbologyOf(report: Uint8Array): string | undefined {
    const ids = [...report.subarray(this.layout.symbologyOffset, this.layout.symbologyOffset + 2)];
    const [code, modifier] = ids;
    // AIM identifiers are `]` + a code letter + a modifier character (ISO/IEC 15424).
    if (code === undefined || code < 0x21 || code > 0x7e) return undefined;
    const mod =
      modifier !== undefined && modifier >= 0x21 && modifier <= 0x7e
        ? String.fromCharCode(modifier)
        : '';
    return `]${String.fromCharCode(code)}${mod}`;
  }

  private reset(): void {
    this.chunks = [];
    this.size = 0;
    this.symbology = undefined;
  }
}

/** Encodes a scan as HID POS reports (tests and fixtures). */
export function encodeHidPosReports(
  text: string,
  symbology = ']Q1',
  layout: HidPosReportLayout = HID_POS_SCANNED_DATA_64,
): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const capacity = layout.continuationOffset - layout.dataOffset;
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length || reports.length === 0; at += capacity) {
    const chunk = bytes.subarray(at, at + capacity);
    const report = new Uint8Array(layout.reportLength);
    report[0] = layout.reportId;
    report[layout.lengthOffset] = chunk.length;
    report[layout.symbologyOffset] = symbology.charCodeAt(1);
    report[layout.symbologyOffset + 1] = symbology.charCodeAt(2);
    report.set(chunk, layout.dataOffset);
    if (at + capacity < bytes.length) report[layout.continuationOffset] = layout.continuationMask;
    reports.push(report);
  }
  return reports;
}
