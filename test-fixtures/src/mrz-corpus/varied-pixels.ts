import type { Homography, Rgba } from './image-warp';

/**
 * The camera's pixel work for the varied corpus, on float RGB (3 channels, no alpha) so that
 * light, blur and noise compose without rounding at every step. Hot loops index typed arrays
 * directly (no closures, no per-pixel allocation): a 1920×1080 frame is 6 M samples per pass.
 */
export interface RgbF {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export function rgbFromRgba(rgba: Uint8ClampedArray, width: number, height: number): RgbF {
  const data = new Float32Array(width * height * 3);
  for (let i = 0, o = 0; o < data.length; i += 4, o += 3) {
    data[o] = rgba[i] as number;
    data[o + 1] = rgba[i + 1] as number;
    data[o + 2] = rgba[i + 2] as number;
  }
  return { width, height, data };
}

/** Back to opaque RGBA bytes (Uint8ClampedArray rounds and clamps). */
export function rgbaFromRgb(img: RgbF): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  const d = img.data;
  for (let i = 0, o = 0; i < d.length; i += 3, o += 4) {
    out[o] = d[i] as number;
    out[o + 1] = d[i + 1] as number;
    out[o + 2] = d[i + 2] as number;
    out[o + 3] = 255;
  }
  return out;
}

/**
 * Lays `src` (straight-alpha RGBA whose outermost pixels are transparent) over `dst` through
 * `dstToSrc`, bilinear, visiting only `box` of `dst`. Unlike `warp` in image-warp.ts, which
 * fills everything outside with one colour, this keeps the textured table, the shadow and the
 * card's rounded, anti-aliased edges.
 */
export function warpOnto(
  dst: RgbF,
  src: Rgba,
  dstToSrc: Homography,
  box: { x0: number; y0: number; x1: number; y1: number },
): void {
  const [a, b, c, d, e, f, g, h, i] = dstToSrc;
  const s = src.data;
  const sw = src.width;
  const out = dst.data;
  for (let y = Math.max(0, box.y0); y < Math.min(dst.height, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x < Math.min(dst.width, box.x1); x++) {
      // Pixel centres on both sides: the homography maps edges, so sample at centre − ½.
      const w = g * (x + 0.5) + h * (y + 0.5) + i;
      const sx = (a * (x + 0.5) + b * (y + 0.5) + c) / w - 0.5;
      const sy = (d * (x + 0.5) + e * (y + 0.5) + f) / w - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= src.height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const p00 = (y0 * sw + x0) * 4;
      const p10 = p00 + sw * 4;
      // Bilinear weights times each texel's alpha: premultiplied, so edges blend, not darken.
      const w00 = (1 - fx) * (1 - fy) * (s[p00 + 3] as number);
      const w01 = fx * (1 - fy) * (s[p00 + 7] as number);
      const w10 = (1 - fx) * fy * (s[p10 + 3] as number);
      const w11 = fx * fy * (s[p10 + 7] as number);
      const alpha = (w00 + w01 + w10 + w11) / 255;
      if (alpha <= 0) continue;
      const o = (y * dst.width + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const premultiplied =
          (w00 * (s[p00 + ch] as number) +
            w01 * (s[p00 + 4 + ch] as number) +
            w10 * (s[p10 + ch] as number) +
            w11 * (s[p10 + 4 + ch] as number)) /
          255;
        out[o + ch] = (out[o + ch] as number) * (1 - alpha) + premultiplied;
      }
    }
  }
}

/** A sparse kernel: offsets and weights. Edges repeat the border pixel. */
export type Taps = ReadonlyArray<readonly [dx: number, dy: number, weight: number]>;

export function convolve(img: RgbF, taps: Taps): RgbF {
  const { width, height } = img;
  const src = img.data;
  const out = new Float32Array(src.length);
  const stride = width * 3;
  for (const [dx, dy, weight] of taps) {
    // Interior columns read at a constant offset; only the clamped edge columns are special.
    const from = Math.min(width, Math.max(0, -dx));
    const to = Math.max(from, Math.min(width, width - dx));
    for (let y = 0; y < height; y++) {
      const row = y * stride;
      const srcRow = Math.min(height - 1, Math.max(0, y + dy)) * stride;
      const shift = srcRow - row + dx * 3;
      for (let k = row + from * 3; k < row + to * 3; k++) {
        out[k] = (out[k] as number) + weight * (src[k + shift] as number);
      }
      for (let x = 0; x < from; x++) {
        for (let ch = 0; ch < 3; ch++) {
          out[row + x * 3 + ch] =
            (out[row + x * 3 + ch] as number) + weight * (src[srcRow + ch] as number);
        }
      }
      for (let x = to; x < width; x++) {
        for (let ch = 0; ch < 3; ch++) {
          const edge = srcRow + (width - 1) * 3 + ch;
          out[row + x * 3 + ch] =
            (out[row + x * 3 + ch] as number) + weight * (src[edge] as number);
        }
      }
    }
  }
  return { width, height, data: out };
}

/** Defocus: a separable Gaussian (radius 3σ), horizontal then vertical. */
export function gaussianBlur(img: RgbF, sigma: number): RgbF {
  // Below σ 0.3 px the kernel is ~99 % centre tap: skipping it changes nothing visible.
  if (sigma < 0.3) return img;
  const radius = Math.ceil(sigma * 3);
  const weights = Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)),
  );
  const sum = weights.reduce((s, w) => s + w, 0);
  const horizontal: Taps = weights.map((w, k) => [k - radius, 0, w / sum] as const);
  const vertical: Taps = weights.map((w, k) => [0, k - radius, w / sum] as const);
  return convolve(convolve(img, horizontal), vertical);
}

/** Motion blur: a box kernel along a line of `length` px at `angle` (radians), centred. */
export function motionBlur(img: RgbF, length: number, angle: number): RgbF {
  if (length < 1) return img;
  const n = Math.ceil(length) + 1;
  const merged = new Map<string, [number, number, number]>();
  for (let j = 0; j < n; j++) {
    const t = -length / 2 + (j * length) / (n - 1);
    const dx = Math.round(t * Math.cos(angle));
    const dy = Math.round(t * Math.sin(angle));
    const tap = merged.get(`${dx},${dy}`) ?? [dx, dy, 0];
    tap[2] += 1 / n;
    merged.set(`${dx},${dy}`, tap);
  }
  return convolve(img, [...merged.values()]);
}

export interface Lighting {
  /** Gain at the two ends of a linear gradient across the frame, at `angle` (radians). */
  readonly from: number;
  readonly to: number;
  readonly angle: number;
  /** Corner darkening: gain × (1 − vignette · r²), r = 1 in the corners. */
  readonly vignette: number;
  /** Per-channel gains: the camera's white balance is never quite right. */
  readonly whiteBalance: readonly [number, number, number];
  /** A specular spot on the laminate: adds up to `strength` × 255 with a Gaussian falloff. */
  readonly glare?: {
    readonly x: number;
    readonly y: number;
    readonly radius: number;
    readonly strength: number;
  };
}

export function applyLighting(img: RgbF, light: Lighting): void {
  const { width, height, data } = img;
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(light.angle);
  const sin = Math.sin(light.angle);
  const span = Math.abs(width * cos) + Math.abs(height * sin) || 1;
  const [wr, wg, wb] = light.whiteBalance;
  const glare = light.glare;
  const twoR2 = glare ? 2 * glare.radius * glare.radius : 1;
  for (let y = 0; y < height; y++) {
    const vy = ((y - cy) / cy) ** 2;
    for (let x = 0; x < width; x++) {
      const t = ((x - cx) * cos + (y - cy) * sin) / span + 0.5;
      const vignette = 1 - light.vignette * ((((x - cx) / cx) ** 2 + vy) / 2);
      const gain = (light.from + (light.to - light.from) * t) * vignette;
      let add = 0;
      if (glare) {
        const d2 = (x - glare.x) ** 2 + (y - glare.y) ** 2;
        add = d2 < 9 * twoR2 ? glare.strength * 255 * Math.exp(-d2 / twoR2) : 0;
      }
      const o = (y * width + x) * 3;
      data[o] = (data[o] as number) * gain * wr + add;
      data[o + 1] = (data[o + 1] as number) * gain * wg + add;
      data[o + 2] = (data[o + 2] as number) * gain * wb + add;
    }
  }
}

/**
 * Sensor noise: read noise (σ = `read` grey levels) plus shot noise (variance `shot` × signal),
 * partly shared by the three channels (luma) and partly not (chroma), as after demosaicing.
 * A xorshift32 inlined from `seed` keeps it fast and deterministic; each normal deviate is the
 * sum of a 32-bit draw's four bytes (Irwin–Hall, close enough to Gaussian for noise).
 */
export function addSensorNoise(img: RgbF, read: number, shot: number, seed: number): void {
  const data = img.data;
  let s = seed >>> 0 || 1;
  const read2 = read * read;
  for (let p = 0; p < data.length; p += 3) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const luma = ((s & 255) + ((s >>> 8) & 255) + ((s >>> 16) & 255) + (s >>> 24) - 510) / 147.8;
    for (let ch = 0; ch < 3; ch++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const chroma =
        ((s & 255) + ((s >>> 8) & 255) + ((s >>> 16) & 255) + (s >>> 24) - 510) / 147.8;
      const v = data[p + ch] as number;
      const sigma = Math.sqrt(read2 + shot * (v > 0 ? v : 0));
      data[p + ch] = v + sigma * (0.8 * luma + 0.6 * chroma);
    }
  }
}
