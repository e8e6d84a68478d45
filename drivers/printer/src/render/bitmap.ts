/** A 1-bit image, one byte per pixel (1 = ink), row-major: what a thermal head prints. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly ink: Uint8Array;
}

export function inkAt(bitmap: Bitmap, x: number, y: number): boolean {
  return bitmap.ink[y * bitmap.width + x] === 1;
}

/** First and last rows (inclusive) that carry ink, or undefined for a blank bitmap. */
export function inkRows(bitmap: Bitmap): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let y = 0; y < bitmap.height; y++) {
    const row = bitmap.ink.subarray(y * bitmap.width, (y + 1) * bitmap.width);
    if (row.includes(1)) {
      if (first === -1) first = y;
      last = y;
    }
  }
  return first === -1 ? undefined : { first, last };
}

/** Rightmost column with ink, or -1. */
export function lastInkColumn(bitmap: Bitmap): number {
  let last = -1;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = bitmap.width - 1; x > last; x--) {
      if (bitmap.ink[y * bitmap.width + x] === 1) {
        last = x;
        break;
      }
    }
  }
  return last;
}

/** Leftmost column with ink, or the width for a blank bitmap. */
export function firstInkColumn(bitmap: Bitmap): number {
  let first = bitmap.width;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < first; x++) {
      if (bitmap.ink[y * bitmap.width + x] === 1) {
        first = x;
        break;
      }
    }
  }
  return first;
}

/** Copies a rectangle; rows or columns outside the source are blank. */
export function crop(bitmap: Bitmap, x: number, y: number, width: number, height: number): Bitmap {
  const ink = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const sy = y + row;
    if (sy < 0 || sy >= bitmap.height) continue;
    for (let col = 0; col < width; col++) {
      const sx = x + col;
      if (sx >= 0 && sx < bitmap.width)
        ink[row * width + col] = bitmap.ink[sy * bitmap.width + sx] ?? 0;
    }
  }
  return { width, height, ink };
}

/** RGBA pixels (white paper, black ink) for canvases and the encoder's image input. */
export function toRgba(bitmap: Bitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4).fill(255);
  bitmap.ink.forEach((v, i) => {
    if (v === 1) {
      rgba[i * 4] = 0;
      rgba[i * 4 + 1] = 0;
      rgba[i * 4 + 2] = 0;
    }
  });
  return rgba;
}

/** Thresholds RGBA (luminance < 128 is ink), as the printer driver's dither "threshold" does. */
export function fromRgba(rgba: Uint8ClampedArray, width: number, height: number): Bitmap {
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const r = rgba[i * 4] ?? 255;
    const g = rgba[i * 4 + 1] ?? 255;
    const b = rgba[i * 4 + 2] ?? 255;
    const a = rgba[i * 4 + 3] ?? 255;
    const lum = (0.299 * r + 0.587 * g + 0.114 * b) * (a / 255) + 255 * (1 - a / 255);
    ink[i] = lum < 128 ? 1 : 0;
  }
  return { width, height, ink };
}
