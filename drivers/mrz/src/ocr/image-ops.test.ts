import { describe, expect, it } from 'vitest';
import type { GrayImage } from './gray-image';
import { seededUniform } from './glyph-samples';
import { noiseSigma } from './image-ops';

/** Paper at 180 with Gaussian noise of `sigma`, and dark bars of print every 16 columns. */
function noisyPaper(sigma: number, bars: boolean): GrayImage {
  const width = 320;
  const height = 120;
  const random = seededUniform(9303);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const print = bars && x % 16 < 3 ? 140 : 0;
      data[y * width + x] = Math.max(0, Math.min(255, Math.round(180 - print + sigma * gaussian)));
    }
  return { width, height, data };
}

describe('noiseSigma', () => {
  it('measures Gaussian sensor noise', () => {
    for (const sigma of [3, 8, 15]) {
      const measured = noiseSigma(noisyPaper(sigma, false));
      expect(measured).toBeGreaterThan(sigma * 0.8);
      expect(measured).toBeLessThan(sigma * 1.25);
    }
  });

  it('is not raised by print edges, which are a minority of pixel pairs', () => {
    expect(noiseSigma(noisyPaper(0, true))).toBe(0);
    const withPrint = noiseSigma(noisyPaper(6, true));
    expect(withPrint).toBeGreaterThan(6 * 0.8);
    expect(withPrint).toBeLessThan(6 * 1.3);
  });
});
