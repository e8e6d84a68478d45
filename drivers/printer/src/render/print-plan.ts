import type { PrinterProfile } from '../profile/printer-profile';
import type { Align, SlipElement, TextStyle } from '../receipt/slip-layout';
import { crop, firstInkColumn, inkRows, lastInkColumn, type Bitmap } from './bitmap';
import type { RasterTextRenderer } from './raster-text';
import { qrBitmap } from './qr-bitmap';
import { wrapColumns, wrapText } from './wrap-text';

/**
 * What the printer will do, step by step, after wrapping for the paper width. Both the ESC/POS
 * encoder and the PNG preview read this plan, so the preview shows exactly what is printed.
 */
export type PrintOp =
  /** One physical line printed from a code page (one byte per cell). */
  | { readonly op: 'text'; readonly line: string; readonly style: TextStyle; readonly align: Align }
  /**
   * A raster band (`GS v 0`), left-aligned or centred with `ESC a`; the paper advances by its
   * height.
   */
  | { readonly op: 'bitmap'; readonly bitmap: Bitmap; readonly align: Align }
  /** Paper feed in dots (`ESC J n`). */
  | { readonly op: 'feed'; readonly dots: number }
  /** A native QR code (`GS ( k`), centred; followed by a line feed. */
  | { readonly op: 'qr'; readonly payload: string; readonly moduleDots: number }
  /** A native CODE128 barcode (`GS k 73`), centred, its text printed below it. */
  | { readonly op: 'barcode'; readonly payload: string }
  | { readonly op: 'cut' };

export interface PrintPlan {
  /** `ESC 3 n`: dots a line feed advances (0 in raster mode, where feeds are explicit). */
  readonly lineSpacingDots: number;
  readonly ops: readonly PrintOp[];
}

/** Bar height of the dossier barcode: about 10 mm at 203 dpi, enough for a hand scanner. */
export const BARCODE_HEIGHT_DOTS = 80;

/** Module width: 2 dots where the code fits on 80 mm paper, 1 dot on 58 mm. */
export function barcodeModuleDots(profile: PrinterProfile): number {
  return profile.dotsPerLine >= 512 ? 2 : 1;
}

/** Font A cell (12×24 dots) and the line pitch we set with `ESC 3`. */
export const FONT_A = { width: 12, height: 24 } as const;
export const CODE_PAGE_LINE_SPACING = 30;
/** Blank paper around a native QR: printers print the symbol without its quiet zone. */
const QR_QUIET_DOTS = 16;

function qrModuleDots(profile: PrinterProfile): number {
  return profile.dotsPerLine >= 512 ? 6 : 5;
}

/** Native QR where the profile has it, otherwise the same symbol as a centred raster band. */
function qrOp(payload: string, profile: PrinterProfile): PrintOp {
  const moduleDots = qrModuleDots(profile);
  if (profile.qrCode) return { op: 'qr', payload, moduleDots };
  return { op: 'bitmap', bitmap: qrBitmap(payload, moduleDots), align: 'center' };
}

function finish(profile: PrinterProfile, ops: PrintOp[]): void {
  ops.push({ op: 'feed', dots: profile.feedBeforeCutDots });
  if (profile.cutter !== 'none') ops.push({ op: 'cut' });
}

/** Plan for printers that print Vietnamese from a code page (TCVN-3 or windows-1258). */
export function planCodePage(elements: readonly SlipElement[], profile: PrinterProfile): PrintPlan {
  const ops: PrintOp[] = [];
  for (const el of elements) {
    switch (el.kind) {
      case 'text':
        for (const line of wrapColumns(el.text, profile.columns)) {
          ops.push({ op: 'text', line, style: el.style, align: el.align });
        }
        break;
      case 'rule':
        ops.push({ op: 'text', line: '-'.repeat(profile.columns), style: 'body', align: 'left' });
        break;
      case 'space':
        ops.push({ op: 'feed', dots: el.dots });
        break;
      case 'qr':
        for (const line of wrapColumns(el.caption, profile.columns)) {
          ops.push({ op: 'text', line, style: 'body', align: 'center' });
        }
        ops.push({ op: 'feed', dots: QR_QUIET_DOTS });
        ops.push(qrOp(el.payload, profile));
        break;
      case 'barcode':
        if (profile.barcode) ops.push({ op: 'barcode', payload: el.payload });
        break;
    }
  }
  finish(profile, ops);
  return { lineSpacingDots: CODE_PAGE_LINE_SPACING, ops };
}

/**
 * Plan for printers without a Vietnamese code page: each line becomes a raster band holding only
 * the rows with ink and only up to the last byte with ink; the blank rows around it become paper feed, which costs 3 bytes instead of 72
 * per row.
 */
export function planRaster(
  elements: readonly SlipElement[],
  profile: PrinterProfile,
  renderer: RasterTextRenderer,
): PrintPlan {
  const ops: PrintOp[] = [];
  let pendingFeed = 0;
  const flushFeed = (): void => {
    if (pendingFeed > 0) ops.push({ op: 'feed', dots: pendingFeed });
    pendingFeed = 0;
  };
  const band = (bitmap: Bitmap, align: Align): void => {
    const rows = inkRows(bitmap);
    if (!rows) {
      pendingFeed += bitmap.height;
      return;
    }
    const height = rows.last - rows.first + 1;
    const right = Math.ceil((lastInkColumn(bitmap) + 1) / 8) * 8;
    const left = align === 'center' ? Math.floor(firstInkColumn(bitmap) / 8) * 8 : 0;
    pendingFeed += rows.first;
    flushFeed();
    const width = Math.max(8, right - left);
    ops.push({ op: 'bitmap', bitmap: crop(bitmap, left, rows.first, width, height), align });
    pendingFeed += Math.max(0, bitmap.height - rows.first - height);
  };
  const line = (text: string, style: TextStyle, align: Align): void => {
    for (const l of wrapTextRaster(text, style, renderer))
      band(renderer.renderLine(l, style, align), align);
  };
  for (const el of elements) {
    switch (el.kind) {
      case 'text':
        line(el.text, el.style, el.align);
        break;
      case 'rule': {
        const rule = new Uint8Array(profile.dotsPerLine * 2).fill(1);
        pendingFeed += 6;
        band({ width: profile.dotsPerLine, height: 2, ink: rule }, 'left');
        pendingFeed += 6;
        break;
      }
      case 'space':
        pendingFeed += el.dots;
        break;
      case 'qr':
        line(el.caption, 'body', 'center');
        pendingFeed += QR_QUIET_DOTS;
        flushFeed();
        ops.push(qrOp(el.payload, profile));
        pendingFeed += QR_QUIET_DOTS;
        break;
      case 'barcode':
        if (!profile.barcode) break;
        flushFeed();
        ops.push({ op: 'barcode', payload: el.payload });
        break;
    }
  }
  flushFeed();
  finish(profile, ops);
  return { lineSpacingDots: 0, ops };
}

function wrapTextRaster(text: string, style: TextStyle, renderer: RasterTextRenderer): string[] {
  return wrapText(text, (line) => renderer.fits(line, style));
}
