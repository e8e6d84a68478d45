import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterProfile } from '../profile/printer-profile';
import type { TextStyle } from '../receipt/slip-layout';
import { TCVN3_PAGE, encodeTcvn3, isTcvn3Page } from '../encoding/tcvn3';
import { WINDOWS1258_PAGE, encodeWindows1258 } from '../encoding/windows1258';
import { rasterBitImage } from './raster-bit-image';
import { BARCODE_HEIGHT_DOTS, barcodeModuleDots, type PrintPlan } from './print-plan';
import {
  barcodeHeight,
  barcodeModuleWidth,
  barcodeTextPosition,
  characterSize,
  codeTable,
  code128,
  emphasize,
  feedDots,
  justify,
  JUSTIFY,
  LF,
  lineSpacing,
} from '../escpos/escpos-commands';

/** `GS ! n`: double height for titles (width stays, so the column count stays). */
function sizeByte(style: TextStyle): number {
  return style === 'title' ? 0x01 : 0x00;
}

export interface EscPosJob {
  readonly bytes: Uint8Array;
  /**
   * Offsets where one command ends and the next begins (the last is bytes.length). The driver
   * splits writes only there, so a print stopped by a fault never leaves the printer waiting
   * for the rest of a raster image.
   */
  readonly boundaries: readonly number[];
  readonly substituted: string[];
}

interface TextState {
  page: number;
  bold: boolean;
  size: number;
  align: number;
}

/**
 * Encodes a plan to ESC/POS. Initialisation, QR codes (`GS ( k`) and the cut come from
 * @point-of-sale/receipt-printer-encoder. Raster bands are written by `rasterBitImage` because the
 * encoder pads every image to a multiple of 8 rows and follows it with a line feed, which costs
 * about 15 % more bytes on a raster slip and adds paper feed the plan did not ask for; text bytes are encoded here and passed
 * raw because the encoder's TCVN-3 tables are wrong for Đ and it has no per-character choice
 * between page 30 and 31. Style commands are sent only when they change.
 */
export function planToEscPos(plan: PrintPlan, profile: PrinterProfile): EscPosJob {
  const encoder = (): ReceiptPrinterEncoder =>
    new ReceiptPrinterEncoder({
      language: 'esc-pos',
      columns: profile.columns,
      imageMode: 'raster',
      newline: '\n',
      feedBeforeCut: 0,
    });
  const parts: Uint8Array[] = [];
  const raw = (bytes: readonly number[] | Uint8Array): void => {
    parts.push(Uint8Array.from(bytes));
  };
  parts.push(encoder().initialize().encode());
  raw(lineSpacing(plan.lineSpacingDots));
  const state: TextState = { page: -1, bold: false, size: 0, align: JUSTIFY.left };
  const substituted: string[] = [];

  for (const op of plan.ops) {
    switch (op.op) {
      case 'text': {
        const out: number[] = [];
        const align = JUSTIFY[op.align === 'center' ? 'center' : 'left'];
        const bold = op.style !== 'body';
        const size = sizeByte(op.style);
        if (align !== state.align) out.push(...justify(align));
        if (bold !== state.bold) out.push(...emphasize(bold));
        if (size !== state.size) out.push(...characterSize(size));
        Object.assign(state, { align, bold, size });
        if (profile.vietnamese === 'windows1258') {
          const enc = encodeWindows1258(op.line);
          substituted.push(...enc.substituted);
          const page = profile.codePages['windows1258'] ?? WINDOWS1258_PAGE;
          if (state.page !== page) out.push(...codeTable(page));
          state.page = page;
          out.push(...enc.bytes);
        } else {
          const enc = encodeTcvn3(op.line, isTcvn3Page(state.page) ? state.page : TCVN3_PAGE);
          substituted.push(...enc.substituted);
          for (const run of enc.runs) {
            const name = run.page === TCVN3_PAGE ? 'tcvn3' : 'tcvn3capitals';
            if (state.page !== run.page)
              out.push(...codeTable(profile.codePages[name] ?? run.page));
            state.page = run.page;
            out.push(...run.bytes);
          }
        }
        out.push(LF);
        raw(out);
        break;
      }
      case 'bitmap': {
        // ESC a is effective for GS v 0 (Epson and clones); it must precede the band.
        const align = JUSTIFY[op.align === 'center' ? 'center' : 'left'];
        const image = rasterBitImage(op.bitmap);
        raw(align !== state.align ? [...justify(align), ...image] : image);
        state.align = align;
        break;
      }
      case 'feed': {
        const out: number[] = [];
        for (let left = op.dots; left > 0; left -= 255) out.push(...feedDots(Math.min(255, left)));
        raw(out);
        break;
      }
      case 'qr':
        parts.push(
          encoder()
            .align('center')
            .qrcode(op.payload, { model: 2, size: op.moduleDots, errorlevel: 'm' })
            .align('left')
            .encode(),
        );
        state.align = JUSTIFY.left;
        break;
      case 'barcode': {
        const out = state.align !== JUSTIFY.center ? justify(JUSTIFY.center) : [];
        state.align = JUSTIFY.center;
        raw([
          ...out,
          ...barcodeHeight(BARCODE_HEIGHT_DOTS),
          ...barcodeModuleWidth(barcodeModuleDots(profile)),
          // The code is printed as text above the bars: no human-readable line below them.
          ...barcodeTextPosition(0),
          ...code128(op.payload),
        ]);
        break;
      }
      case 'cut':
        parts.push(
          encoder()
            .cut(profile.cutter === 'full' ? 'full' : 'partial')
            .encode(),
        );
        break;
    }
  }
  const boundaries: number[] = [];
  let length = 0;
  for (const part of parts) {
    length += part.length;
    boundaries.push(length);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, boundaries, substituted };
}
