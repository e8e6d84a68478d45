import type { Bitmap } from './bitmap';
import { rasterImageHeader } from '../escpos/escpos-commands';

/**
 * `GS v 0 m xL xH yL yH d1...dk` (ESC/POS "print raster bit image", normal density, m = 0):
 * x = bytes per row, y = rows, each byte 8 dots MSB first, 1 = print. Any height is allowed;
 * the paper advances by exactly the image height, so no line feed follows.
 */
export function rasterBitImage(bitmap: Bitmap): Uint8Array {
  const bytesPerRow = Math.ceil(bitmap.width / 8);
  const out = new Uint8Array(8 + bytesPerRow * bitmap.height);
  out.set(rasterImageHeader(bytesPerRow, bitmap.height));
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (bitmap.ink[y * bitmap.width + x] === 1) {
        const i = 8 + y * bytesPerRow + (x >> 3);
        out[i] = (out[i] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return out;
}
