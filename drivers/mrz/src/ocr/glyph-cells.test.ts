import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { grayFromRgba } from './gray-image';
import { classifyLine } from './glyph-classifier';
import { curvedGrid, gridCentre, lineCells } from './glyph-cells';
import { OCR_B_FONT_PATH, ocrbTemplates } from './ocrb-templates';

/** A clean OCR-B line drawn with the font, scaled by `stretch` horizontally (keystone). */
function drawLine(text: string, capPx: number, stretch: number) {
  const { geometry } = ocrbTemplates();
  const pitch = capPx * geometry.pitchPerCapHeight * stretch;
  const width = Math.ceil(pitch * (text.length + 2));
  const height = capPx * 3;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${capPx * 1.45}px "OCR-B MRZ templates"`;
  [...text].forEach((c, i) => {
    const w = ctx.measureText(c).width;
    ctx.fillText(c, pitch * (i + 1.5) - w / 2, capPx * 2);
  });
  const { data } = ctx.getImageData(0, 0, width, height);
  return {
    img: grayFromRgba(width, height, data),
    box: {
      top: capPx,
      bottom: capPx * 2,
      left: Math.round(pitch),
      right: width - Math.round(pitch),
    },
  };
}

describe(`glyph cells and OCR-B matching (${OCR_B_FONT_PATH})`, () => {
  it.each([1, 0.95, 1.05])('finds 30 cells and reads a clean line at stretch %s', (stretch) => {
    const text = 'IDVNM1695554281048169555428<<1';
    const { img, box } = drawLine(text, 30, stretch);
    const { geometry } = ocrbTemplates();
    const cells = lineCells(img, box, 30, geometry.pitchPerCapHeight);
    expect(cells?.centres).toHaveLength(30);
    if (!cells) return;
    const read = classifyLine(img, cells)
      .map((c) => c[0]?.char)
      .join('');
    // 0 and O are near-identical in OCR-B: the position rules settle them, not the glyphs.
    expect(read.replace(/O/g, '0')).toBe(text.replace(/O/g, '0'));
  });

  it('finds no grid in a blank line', () => {
    const { img, box } = drawLine('', 30, 1);
    expect(lineCells(img, box, 30, ocrbTemplates().geometry.pitchPerCapHeight)).toBeUndefined();
  });
});

describe('curvedGrid', () => {
  // A card photographed at an angle: the pitch grows 8 % from the line's first cell to its last.
  const truth = { x0: 100, pitch: 30, curve: (30 * 0.08) / (2 * 29) };
  const centre = (i: number): number => gridCentre(truth, i);

  it('places the cells no glyph segment marked, at both ends of a perspective line', () => {
    // Segments found for cells 3 … 26 only (touching glyphs at both ends).
    const points: Array<[number, number]> = [];
    for (let i = 3; i <= 26; i++) points.push([i, centre(i) + (i % 2 ? 0.4 : -0.4)]);
    const grid = curvedGrid(points, 30);
    expect(grid).toBeDefined();
    if (!grid) return;
    for (const i of [0, 1, 2, 27, 28, 29])
      expect(Math.abs(gridCentre(grid, i) - centre(i))).toBeLessThan(truth.pitch * 0.05);
  });

  it('leaves a straight grid to the caller when the segments are too few or too bunched', () => {
    expect(
      curvedGrid(
        [
          [0, 100],
          [1, 130],
          [2, 160],
        ],
        30,
      ),
    ).toBeUndefined();
    const bunched: Array<[number, number]> = [];
    for (let i = 0; i < 12; i++) bunched.push([i, centre(i)]);
    expect(curvedGrid(bunched, 30)).toBeUndefined();
  });

  it('refuses a bend no photo makes (the pitch changing by more than 15 %)', () => {
    const bent: Array<[number, number]> = [];
    for (let i = 0; i < 30; i++) bent.push([i, 100 + 30 * i + 0.2 * i * i]);
    expect(curvedGrid(bent, 30)).toBeUndefined();
  });
});
