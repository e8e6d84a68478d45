import { GlobalFonts, ImageData, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { PrinterProfile } from '../profile/printer-profile';
import { toRgba } from './bitmap';
import { BARCODE_HEIGHT_DOTS, FONT_A, type PrintOp, type PrintPlan } from './print-plan';

/**
 * Stand-in for the printer's resident font A: a monospaced font with precomposed Vietnamese
 * glyphs (Debian fonts-liberation; DejaVu Sans Mono misplaces stacked tone marks).
 */
const MONO = {
  regular: '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  bold: '/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf',
};
let monoRegistered = false;

function registerMono(): void {
  if (monoRegistered) return;
  GlobalFonts.registerFromPath(MONO.regular, 'KioskFontA');
  GlobalFonts.registerFromPath(MONO.bold, 'KioskFontABold');
  monoRegistered = true;
}

function qrModules(payload: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

/** Paper advanced by one op, in dots. */
function opHeight(op: PrintOp, lineSpacing: number): number {
  switch (op.op) {
    case 'text':
      return Math.max(lineSpacing, FONT_A.height * (op.style === 'title' ? 2 : 1));
    case 'bitmap':
      return op.bitmap.height;
    case 'feed':
      return op.dots;
    case 'qr':
      return qrModules(op.payload).size * op.moduleDots + lineSpacing;
    case 'barcode':
      return BARCODE_HEIGHT_DOTS;
    case 'cut':
      return 0;
  }
}

function drawText(
  ctx: SKRSContext2D,
  op: Extract<PrintOp, { op: 'text' }>,
  y: number,
  width: number,
): void {
  const cells = [...op.line.normalize('NFC')];
  const scaleY = op.style === 'title' ? 2 : 1;
  const left = op.align === 'center' ? Math.floor((width - cells.length * FONT_A.width) / 2) : 0;
  ctx.save();
  ctx.translate(0, y);
  ctx.scale(1, scaleY);
  ctx.font = `20px ${op.style === 'body' ? 'KioskFontA' : 'KioskFontABold'}`;
  ctx.fillStyle = '#000';
  cells.forEach((ch, i) => ctx.fillText(ch, left + i * FONT_A.width, 19));
  ctx.restore();
}

/**
 * Draws a plan as the paper will look: same bitmaps as sent for raster lines, the code page
 * text in 12×24 cells, QR codes at the module size sent. Ink is pure black, paper white.
 */
export function planToPng(plan: PrintPlan, profile: PrinterProfile): Buffer {
  registerMono();
  const width = profile.dotsPerLine;
  const height = Math.max(
    1,
    plan.ops.reduce((h, op) => h + opHeight(op, plan.lineSpacingDots), 0),
  );
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const op of plan.ops) {
    switch (op.op) {
      case 'text':
        drawText(ctx, op, y, width);
        break;
      case 'bitmap':
        ctx.putImageData(
          new ImageData(toRgba(op.bitmap), op.bitmap.width, op.bitmap.height),
          op.align === 'center' ? Math.floor((width - op.bitmap.width) / 2) : 0,
          y,
        );
        break;
      case 'qr': {
        const qr = qrModules(op.payload);
        const side = qr.size * op.moduleDots;
        const left = Math.floor((width - side) / 2);
        ctx.fillStyle = '#000';
        for (let my = 0; my < qr.size; my++) {
          for (let mx = 0; mx < qr.size; mx++) {
            if (qr.dark(mx, my)) {
              ctx.fillRect(
                left + mx * op.moduleDots,
                y + my * op.moduleDots,
                op.moduleDots,
                op.moduleDots,
              );
            }
          }
        }
        break;
      }
      case 'barcode': {
        // The preview marks where the printer draws the bars with the code between bar signs,
        // as the virtual printer's picture does, so the two stay dot for dot the same.
        ctx.font = '20px KioskFontA';
        ctx.fillStyle = '#000';
        ctx.fillText(`||| ${op.payload} |||`, 0, y + 20);
        break;
      }
      case 'feed':
      case 'cut':
        break;
    }
    y += opHeight(op, plan.lineSpacingDots);
  }
  return canvas.toBuffer('image/png');
}
