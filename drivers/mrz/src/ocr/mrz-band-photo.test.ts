import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { grayFromRgba, type GrayImage } from './gray-image';
import { inkMask } from './image-ops';
import { estimateSkew, mrzBandCandidates } from './mrz-band';
import { ocrbTemplates } from './ocrb-templates';
import { readMrzFromImage } from './read-mrz-image';

const MRZ = [
  'IDVNM1695554281048169555428<<1',
  '6902254F2902256VNM<<<<<<<<<<<6',
  'LE<<BAO<YEN<<<<<<<<<<<<<<<<<<<',
];

/**
 * A level MRZ under a patch of long parallel strokes turned by `weaveDegrees` (a woven table
 * cloth, a tilted page's ruled lines) that hold more ink than the MRZ: their angle, not the
 * MRZ's, makes the sharpest row histogram.
 */
function mrzUnderWeave(weaveDegrees: number, width = 700, left = 50): GrayImage {
  ocrbTemplates(); // registers the OCR-B family
  const height = 520;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#e8e4dc';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, 150);
  ctx.rotate((weaveDegrees * Math.PI) / 180);
  ctx.fillStyle = '#3a3a3a';
  for (let k = -14; k <= 14; k++) ctx.fillRect(-420, k * 9, 840, 4);
  ctx.restore();
  ctx.fillStyle = '#202020';
  ctx.font = '26px "OCR-B MRZ templates"';
  const pitch = 20;
  MRZ.forEach((line, row) =>
    [...line].forEach((c, i) => ctx.fillText(c, left + i * pitch, 400 + row * 40)),
  );
  const { data } = ctx.getImageData(0, 0, width, height);
  return grayFromRgba(width, height, data);
}

/**
 * The MRZ on a card that covers the middle of a grainy table: Gaussian noise of `sigma` on the
 * table only (a full-resolution photo of a plain surface, which no downscale has averaged).
 */
function mrzOnGrainyTable(sigma: number): GrayImage {
  const image = mrzUnderWeave(0, 1000, 200);
  const { width, height, data } = image;
  let seed = 20;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) / 16777216;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (x >= 180 && x < 820 && y >= 320 && y < 500) continue; // the card
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      data[y * width + x] = Math.max(0, Math.min(255, Math.round(150 + sigma * gaussian)));
    }
  return image;
}

const TODAY = { today: new Date(Date.UTC(2026, 10, 28)) };

describe('MRZ band candidates on a grainy table', () => {
  it('reads the MRZ though the grain beside the card passes a fixed ink threshold', async () => {
    const reading = await readMrzFromImage(mrzOnGrainyTable(16), undefined, TODAY);
    expect(reading.ok && reading.document.lines).toEqual(MRZ);
  });
});

describe('MRZ band candidates under a competing skew', () => {
  it('still reads the level MRZ when another structure sets the sharpest skew', async () => {
    const image = mrzUnderWeave(4);
    const window = Math.round(image.width / 25);
    const sharpest = estimateSkew(inkMask(image, window, 12), image.width, image.height);
    // The weave decides the global estimate: at that angle the MRZ lines run into each other.
    expect(Math.abs(sharpest)).toBeGreaterThan(2);
    const bands = [...mrzBandCandidates(image)];
    const level = bands.find((b) => Math.abs(b.skewDegrees) < 1 && b.lines.length === 3);
    expect(level, `bands at ${bands.map((b) => b.skewDegrees).join(', ')}`).toBeDefined();
    const reading = await readMrzFromImage(image, undefined, TODAY);
    expect(reading.ok && reading.document.lines).toEqual(MRZ);
  });
});
