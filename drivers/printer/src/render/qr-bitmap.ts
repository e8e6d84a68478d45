import QRCode from 'qrcode';
import type { Bitmap } from './bitmap';

/**
 * A QR code as dots, for printers whose profile has no native `GS ( k` QR: model 2, level M (as
 * the native command is sent), `moduleDots` per module, with the 4-module quiet zone.
 */
export function qrBitmap(payload: string, moduleDots: number): Bitmap {
  const { size, data } = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const side = (size + 2 * quiet) * moduleDots;
  const width = Math.ceil(side / 8) * 8;
  const ink = new Uint8Array(width * side);
  for (let y = 0; y < side; y++) {
    const my = Math.floor(y / moduleDots) - quiet;
    if (my < 0 || my >= size) continue;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / moduleDots) - quiet;
      if (mx >= 0 && mx < size && data[my * size + mx]) ink[y * width + x] = 1;
    }
  }
  return { width, height: side, ink };
}
