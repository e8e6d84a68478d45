import { normalisePatch, type OcrbTemplates } from './ocrb-templates';

/**
 * OCR-B templates blurred like the photo. Correlating a blurred glyph with the sharp font is
 * a mismatched filter: a small, defocused or heavily compressed card scores ~0.7 against every
 * round letter, and look-alikes (K/X, T/Y, H/M) come within a few hundredths of each other.
 * The matched filter for a blurred glyph is the blurred template, so the band is read with the
 * bank whose blur fits it best (see `blur-estimate.ts`).
 */

/** Gaussian kernel, normalised, radius ⌈3σ⌉. */
export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel[i + radius] = v;
    sum += v;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] = (kernel[i] as number) / sum;
  return kernel;
}

/** Separable Gaussian blur of a `width × height` ink image; paper (0) outside. */
export function blurInk(
  ink: Float64Array,
  width: number,
  height: number,
  sigma: number,
): Float64Array {
  if (sigma <= 0) return Float64Array.from(ink);
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const across = new Float64Array(ink.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = x + k;
        if (xx >= 0 && xx < width)
          s += (ink[y * width + xx] as number) * (kernel[k + radius] as number);
      }
      across[y * width + x] = s;
    }
  const out = new Float64Array(ink.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) {
        const yy = y + k;
        if (yy >= 0 && yy < height)
          s += (across[yy * width + x] as number) * (kernel[k + radius] as number);
      }
      out[y * width + x] = s;
    }
  return out;
}

const cache = new WeakMap<OcrbTemplates, Map<number, OcrbTemplates>>();

/** The templates blurred by a Gaussian of `sigma` template pixels (0: the sharp font), cached. */
export function blurredTemplates(base: OcrbTemplates, sigma: number): OcrbTemplates {
  if (sigma <= 0) return base;
  let bySigma = cache.get(base);
  if (!bySigma) {
    bySigma = new Map();
    cache.set(base, bySigma);
  }
  const known = bySigma.get(sigma);
  if (known) return known;
  const { geometry } = base;
  const height = geometry.capHeight + 2 * geometry.pad;
  const blurred: OcrbTemplates = {
    geometry,
    templates: base.templates.map((t) => {
      const ink = blurInk(t.ink, geometry.width, height, sigma);
      return { char: t.char, ink, values: normalisePatch(ink) };
    }),
  };
  bySigma.set(sigma, blurred);
  return blurred;
}
