import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { estimateBandBlur } from './blur-estimate';
import { linePatches, scoreCell } from './glyph-classifier';
import { lineCells } from './glyph-cells';
import { grayFromRgba, type GrayImage } from './gray-image';
import { ocrbTemplates } from './ocrb-templates';
import { blurInk, blurredTemplates, gaussianKernel } from './template-blur';

const CAP = 24;

/** An OCR-B line at the templates' own cap height, blurred by a Gaussian of `sigma` pixels. */
function blurredLine(text: string, sigma: number): { img: GrayImage; box: LineBoxLike } {
  ocrbTemplates(); // registers the font
  const { geometry } = ocrbTemplates();
  const pitch = CAP * geometry.pitchPerCapHeight;
  const width = Math.ceil(pitch * (text.length + 4));
  const height = CAP * 4;
  const ctx = createCanvas(width, height).getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${CAP * 1.45}px "OCR-B MRZ templates"`;
  [...text].forEach((c, i) => {
    const w = ctx.measureText(c).width;
    ctx.fillText(c, pitch * (i + 2.5) - w / 2, CAP * 2.5);
  });
  const gray = grayFromRgba(width, height, ctx.getImageData(0, 0, width, height).data);
  const ink = Float64Array.from(gray.data, (v) => 1 - v / 255);
  const blurred = blurInk(ink, width, height, sigma);
  const data = Uint8Array.from(blurred, (v) => Math.round(255 * (1 - Math.min(1, v))));
  return {
    img: { width, height, data },
    box: {
      top: CAP * 1.5,
      bottom: CAP * 2.5,
      left: Math.round(pitch * 2),
      right: width - 2 * pitch,
    },
  };
}

interface LineBoxLike {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const TEXT = 'NGUYEN<<THANH<HUONG<<KHOA<MY<<';

function patchesOf(sigma: number) {
  const { img, box } = blurredLine(TEXT, sigma);
  const cells = lineCells(img, box, 30, ocrbTemplates().geometry.pitchPerCapHeight);
  if (!cells) throw new Error('no cells in the synthetic line');
  return linePatches(img, cells);
}

describe('template blur', () => {
  it('keeps the ink of a glyph (normalised kernel)', () => {
    expect(gaussianKernel(1.7).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const { geometry, templates } = ocrbTemplates();
    const glyph = templates.find((t) => t.char === 'H');
    if (!glyph) throw new Error('no H template');
    const h = geometry.capHeight + 2 * geometry.pad;
    const mass = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    // Little ink reaches the cell border at σ = 1, so almost all of it stays in the cell.
    expect(mass(blurInk(glyph.ink, geometry.width, h, 1))).toBeGreaterThan(mass(glyph.ink) * 0.97);
    expect(blurredTemplates(ocrbTemplates(), 0)).toBe(ocrbTemplates());
    expect(blurredTemplates(ocrbTemplates(), 2)).toBe(blurredTemplates(ocrbTemplates(), 2));
  });
});

describe('estimateBandBlur', () => {
  it('finds a sharp line sharp and a blurred line blurred', () => {
    const sharp = estimateBandBlur(patchesOf(0), ocrbTemplates());
    const blurred = estimateBandBlur(patchesOf(2.5), ocrbTemplates());
    expect(sharp.sigma).toBeLessThanOrEqual(1.25);
    expect(blurred.sigma).toBeGreaterThanOrEqual(2);
    expect(blurred.sigma).toBeLessThanOrEqual(3.5);
  });

  it('widens the look-alike margins of a blurred line (matched filter)', () => {
    const patches = patchesOf(2.5);
    const { templates } = estimateBandBlur(patches, ocrbTemplates());
    const margin = (t: typeof templates) =>
      Math.min(
        ...patches.map((p) => {
          const [a, b] = scoreCell(p, t);
          return (a?.score ?? 0) - (b?.score ?? 0);
        }),
      );
    expect(margin(templates)).toBeGreaterThan(margin(ocrbTemplates()));
    const read = patches.map((p) => scoreCell(p, templates)[0]?.char).join('');
    expect(read.replace(/0/g, 'O')).toBe(TEXT);
  });
});
