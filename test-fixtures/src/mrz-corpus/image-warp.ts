/**
 * Pixel-level distortions for the MRZ corpus: a projective warp (rotation, scale, keystone),
 * uneven light, sensor noise and box blur, on RGBA buffers. Written out because canvas 2D has
 * only affine transforms and no noise; all randomness comes from the caller's seeded source.
 */
export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export type Homography = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** Solves the 3×3 homography mapping four source points onto four destination points. */
export function homographyFrom(
  src: ReadonlyArray<readonly [number, number]>,
  dst: ReadonlyArray<readonly [number, number]>,
): Homography {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i] ?? [0, 0];
    const [u, v] = dst[i] ?? [0, 0];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gaussian elimination with partial pivoting on the 8×8 system.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = r;
    [a[c], a[p]] = [a[p] ?? [], a[c] ?? []];
    [b[c], b[p]] = [b[p] ?? 0, b[c] ?? 0];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = (a[r]?.[c] ?? 0) / (a[c]?.[c] ?? 1);
      for (let k = c; k < 8; k++) (a[r] as number[])[k] = (a[r]?.[k] ?? 0) - f * (a[c]?.[k] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[c] ?? 0);
    }
  }
  const h = b.map((v, i) => v / (a[i]?.[i] ?? 1));
  return [
    h[0] ?? 1,
    h[1] ?? 0,
    h[2] ?? 0,
    h[3] ?? 0,
    h[4] ?? 1,
    h[5] ?? 0,
    h[6] ?? 0,
    h[7] ?? 0,
    1,
  ];
}

function invert(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

/** Inverse-maps every output pixel through `h` (source → output), bilinear, `fill` outside. */
export function warp(
  src: Rgba,
  h: Homography,
  width: number,
  height: number,
  fill: readonly [number, number, number],
): Rgba {
  const [a, b, c, d, e, f, g, hh, i] = invert(h);
  const out = new Uint8ClampedArray(width * height * 4);
  const s = src.data;
  const sw = src.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = g * x + hh * y + i;
      const sx = (a * x + b * y + c) / w;
      const sy = (d * x + e * y + f) / w;
      const o = (y * width + x) * 4;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      out[o + 3] = 255;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= src.height) {
        out[o] = fill[0];
        out[o + 1] = fill[1];
        out[o + 2] = fill[2];
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const p00 = (y0 * sw + x0) * 4;
      const p01 = p00 + 4;
      const p10 = p00 + sw * 4;
      const p11 = p10 + 4;
      for (let ch = 0; ch < 3; ch++) {
        const top = (s[p00 + ch] as number) * (1 - fx) + (s[p01 + ch] as number) * fx;
        const bottom = (s[p10 + ch] as number) * (1 - fx) + (s[p11 + ch] as number) * fx;
        out[o + ch] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { width, height, data: out };
}

/** Uneven light (a linear gradient of gain) and Gaussian-ish sensor noise, in place. */
export function lightAndNoise(
  img: Rgba,
  random: () => number,
  gain: { from: number; to: number; angle: number },
  noise: number,
): void {
  const cos = Math.cos(gain.angle);
  const sin = Math.sin(gain.angle);
  const span = Math.abs(img.width * cos) + Math.abs(img.height * sin) || 1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const t = ((x * cos + y * sin) / span + 1) / 2;
      const g = gain.from + (gain.to - gain.from) * t;
      const n = (random() + random() + random() - 1.5) * 2 * noise;
      const o = (y * img.width + x) * 4;
      img.data[o] = (img.data[o] as number) * g + n;
      img.data[o + 1] = (img.data[o + 1] as number) * g + n;
      img.data[o + 2] = (img.data[o + 2] as number) * g + n;
    }
  }
}

/** Box blur of the given radius: a running sum horizontally, then vertically. */
export function boxBlur(img: Rgba, radius: number): Rgba {
  if (radius < 1) return img;
  const { width, height } = img;
  const pass = (
    src: Uint8ClampedArray,
    along: number,
    across: number,
    stepAlong: number,
    stepAcross: number,
  ): Uint8ClampedArray => {
    const out = new Uint8ClampedArray(src.length);
    for (let j = 0; j < across; j++) {
      for (let ch = 0; ch < 4; ch++) {
        let sum = 0;
        let count = 0;
        for (let k = 0; k < Math.min(radius, along); k++) {
          sum += src[j * stepAcross + k * stepAlong + ch] as number;
          count++;
        }
        for (let k = 0; k < along; k++) {
          const add = k + radius;
          const drop = k - radius - 1;
          if (add < along) {
            sum += src[j * stepAcross + add * stepAlong + ch] as number;
            count++;
          }
          if (drop >= 0) {
            sum -= src[j * stepAcross + drop * stepAlong + ch] as number;
            count--;
          }
          out[j * stepAcross + k * stepAlong + ch] = sum / count;
        }
      }
    }
    return out;
  };
  const horizontal = pass(img.data, width, height, 4, width * 4);
  return { width, height, data: pass(horizontal, height, width, width * 4, 4) };
}
