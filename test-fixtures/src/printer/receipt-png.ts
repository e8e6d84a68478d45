import { GlobalFonts, ImageData, createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { DecodedReceipt } from './decoded-receipt';

const FONT = {
  regular: '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  bold: '/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf',
};
let fontsReady = false;

/**
 * Draws what the virtual printer understood as the paper would look: text in 12×24 cells of a
 * monospaced font (standing in for the printer's font A), raster images dot for dot, QR codes
 * regenerated from their payload at the module size received.
 */
export function receiptToPng(receipt: DecodedReceipt, widthDots: number): Buffer {
  if (!fontsReady) {
    GlobalFonts.registerFromPath(FONT.regular, 'VirtualPrinterFontA');
    GlobalFonts.registerFromPath(FONT.bold, 'VirtualPrinterFontABold');
    fontsReady = true;
  }
  const height = Math.max(1, receipt.height);
  const canvas = createCanvas(widthDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  for (const line of receipt.lines) {
    const cells = [...line.text];
    const cellW = 12 * (line.doubleWidth ? 2 : 1);
    const textW = cells.length * cellW;
    const left =
      line.align === 'center'
        ? Math.floor((widthDots - textW) / 2)
        : line.align === 'right'
          ? widthDots - textW
          : 0;
    ctx.save();
    ctx.translate(0, line.y);
    ctx.scale(line.doubleWidth ? 2 : 1, line.doubleHeight ? 2 : 1);
    ctx.font = `20px ${line.bold ? 'VirtualPrinterFontABold' : 'VirtualPrinterFontA'}`;
    cells.forEach((ch, k) => ctx.fillText(ch, (left + k * cellW) / (line.doubleWidth ? 2 : 1), 19));
    ctx.restore();
  }
  for (const img of receipt.images) {
    const rgba = new Uint8ClampedArray(img.width * img.height * 4).fill(255);
    img.ink.forEach((v, k) => {
      if (v === 1) rgba.fill(0, k * 4, k * 4 + 3);
    });
    const x =
      img.align === 'center'
        ? Math.floor((widthDots - img.width) / 2)
        : img.align === 'right'
          ? widthDots - img.width
          : 0;
    ctx.putImageData(new ImageData(rgba, img.width, img.height), x, img.y);
  }
  for (const qr of receipt.qrCodes) {
    const level = qr.errorLevel as 'L' | 'M' | 'Q' | 'H';
    const { size, data } = QRCode.create(qr.payload || ' ', {
      errorCorrectionLevel: level,
    }).modules;
    const side = size * qr.moduleDots;
    const left = Math.floor((widthDots - side) / 2);
    for (let my = 0; my < size; my++) {
      for (let mx = 0; mx < size; mx++) {
        if (data[my * size + mx])
          ctx.fillRect(
            left + mx * qr.moduleDots,
            qr.y + my * qr.moduleDots,
            qr.moduleDots,
            qr.moduleDots,
          );
      }
    }
  }
  for (const bc of receipt.barcodes) {
    ctx.font = '20px VirtualPrinterFontA';
    ctx.fillText(`||| ${bc.payload} |||`, 0, bc.y + 20);
  }
  return canvas.toBuffer('image/png');
}
