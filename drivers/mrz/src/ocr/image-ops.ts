import type { GrayImage } from './gray-image';

/** Area-average downscale by an integer factor. */
export function downscale(img: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return img;
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * img.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += img.data[row + dx] as number;
      }
      data[y * width + x] = sum / (factor * factor);
    }
  }
  return { width, height, data };
}

/** Bilinear resize to the given size. */
export function resize(img: GrayImage, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(img.width - 1.001, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const wx = fx - x0;
      const p = y0 * img.width + x0;
      const top = (img.data[p] as number) * (1 - wx) + (img.data[p + 1] as number) * wx;
      const bottom =
        (img.data[p + img.width] as number) * (1 - wx) +
        (img.data[p + img.width + 1] as number) * wx;
      data[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { width, height, data };
}

/** Rotates about the centre by `degrees` (positive = counter-clockwise on screen), bilinear. */
export function rotate(img: GrayImage, degrees: number, fill = 255): GrayImage {
  if (Math.abs(degrees) < 0.01) return img;
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const { width, height } = img;
  const cx = width / 2;
  const cy = height / 2;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where in the source does this output pixel come from.
      const dx = x - cx;
      const dy = y - cy;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        data[y * width + x] = fill;
        continue;
      }
      const wx = sx - x0;
      const wy = sy - y0;
      const p = y0 * width + x0;
      const top = (img.data[p] as number) * (1 - wx) + (img.data[p + 1] as number) * wx;
      const bottom =
        (img.data[p + width] as number) * (1 - wx) + (img.data[p + width + 1] as number) * wx;
      data[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { width, height, data };
}

export function crop(
  img: GrayImage,
  left: number,
  top: number,
  width: number,
  height: number,
): GrayImage {
  const l = Math.max(0, Math.floor(left));
  const t = Math.max(0, Math.floor(top));
  const w = Math.max(1, Math.min(img.width - l, Math.floor(width)));
  const h = Math.max(1, Math.min(img.height - t, Math.floor(height)));
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    data.set(img.data.subarray((t + y) * img.width + l, (t + y) * img.width + l + w), y * w);
  return { width: w, height: h, data };
}

/**
 * Dark-on-light mask with a local threshold (mean of a square window minus an offset), so uneven
 * light and a dark table around the card do not count as ink. Integral image: O(pixels).
 */
export function inkMask(img: GrayImage, window: number, offset: number): Uint8Array {
  const { width, height } = img;
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += img.data[y * width + x] as number;
      integral[(y + 1) * (width + 1) + x + 1] = (integral[y * (width + 1) + x + 1] as number) + row;
    }
  }
  const mask = new Uint8Array(width * height);
  const r = Math.max(1, Math.floor(window / 2));
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const sum =
        (integral[y1 * (width + 1) + x1] as number) -
        (integral[y0 * (width + 1) + x1] as number) -
        (integral[y1 * (width + 1) + x0] as number) +
        (integral[y0 * (width + 1) + x0] as number);
      const mean = sum / ((x1 - x0) * (y1 - y0));
      mask[y * width + x] = (img.data[y * width + x] as number) < mean - offset ? 1 : 0;
    }
  }
  return mask;
}

/** Stretches the 2nd–98th percentile of grey levels to the full range. */
export function stretchContrast(img: GrayImage): GrayImage {
  const histogram = new Uint32Array(256);
  for (const v of img.data) histogram[v] = (histogram[v] as number) + 1;
  const n = img.data.length;
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255 && (acc += histogram[lo] as number) < n * 0.02; lo++);
  for (let acc = 0; hi > 0 && (acc += histogram[hi] as number) < n * 0.02; hi--);
  if (hi <= lo) return img;
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    data[i] = Math.max(0, Math.min(255, (((img.data[i] as number) - lo) * 255) / (hi - lo)));
  return { width: img.width, height: img.height, data };
}

/**
 * The sensor noise's standard deviation, from the median absolute difference of horizontally
 * neighbouring pixels (σ·√2 for pure noise; the robust 1.4826 factor turns a median absolute
 * deviation into σ). Text edges are a small share of a photo's pixel pairs, so the median sees
 * the noise, not the print.
 */
export function noiseSigma(img: GrayImage): number {
  const histogram = new Uint32Array(256);
  let pairs = 0;
  for (let y = 0; y < img.height; y += 2) {
    const row = y * img.width;
    for (let x = 0; x + 1 < img.width; x++) {
      const d = Math.abs((img.data[row + x + 1] as number) - (img.data[row + x] as number));
      histogram[d] = (histogram[d] as number) + 1;
      pairs++;
    }
  }
  let seen = 0;
  for (let d = 0; d < 256; d++) {
    seen += histogram[d] as number;
    if (seen * 2 >= pairs) return (1.4826 * d) / Math.SQRT2;
  }
  return 0;
}
