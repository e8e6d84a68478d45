import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { grayFromRgba } from './gray-image';
import { classifyLine } from './glyph-classifier';
import { gridCentre } from './cell-grid';
import { lineCells } from './glyph-cells';
import { OCR_B_FONT_PATH, ocrbTemplates } from './ocrb-templates';

/** OCR-B glyphs drawn one by one on white: glyph `i` centred at `centreOf(i)`, on `baselineAt`. */
function drawGlyphs(
  text: string,
  capPx: number,
  size: { width: number; height: number },
  centreOf: (i: number) => number,
  baselineAt: (x: number) => number,
) {
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.fillStyle = '#000';
  ctx.font = `${capPx * 1.45}px "OCR-B MRZ templates"`;
  [...text].forEach((c, i) => {
    const x = centreOf(i);
    ctx.fillText(c, x - ctx.measureText(c).width / 2, baselineAt(x));
  });
  const { data } = ctx.getImageData(0, 0, size.width, size.height);
  return grayFromRgba(size.width, size.height, data);
}

/** A clean OCR-B line drawn with the font, scaled by `stretch` horizontally (keystone). */
function drawLine(text: string, capPx: number, stretch: number) {
  const { geometry } = ocrbTemplates();
  const pitch = capPx * geometry.pitchPerCapHeight * stretch;
  const width = Math.ceil(pitch * (text.length + 2));
  const img = drawGlyphs(
    text,
    capPx,
    { width, height: capPx * 3 },
    (i) => pitch * (i + 1.5),
    () => capPx * 2,
  );
  return {
    img,
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

describe('a line seen in perspective', () => {
  it('keeps every cell on its glyph when the pitch grows 18 % along the line', () => {
    // The glyphs of one line at (x0 + i·p) / (1 + i·q): a card photographed at an angle.
    const text = 'IDVNM1643709347092164370934<<6';
    const capPx = 30;
    const truth = { x0: 60, pitch: 30, perspective: -0.003 };
    const width = Math.ceil(gridCentre(truth, 29) + 80);
    const img = drawGlyphs(
      text,
      capPx,
      { width, height: capPx * 3 },
      (i) => gridCentre(truth, i),
      () => capPx * 2,
    );
    const box = { top: capPx, bottom: capPx * 2, left: 50, right: width - 40 };
    const cells = lineCells(img, box, 30, ocrbTemplates().geometry.pitchPerCapHeight);
    expect(cells?.centres).toHaveLength(30);
    cells?.centres.forEach((x, i) => {
      expect(Math.abs(x - gridCentre(truth, i)), `cell ${i}`).toBeLessThan(truth.pitch * 0.2);
    });
  });
});

describe('a line sloping after the deskew (the lines of a photographed card converge)', () => {
  it('finds the cells and their baselines on a line sloping 2 %', () => {
    const text = 'IDVNM0740258574040074025857<<6';
    const capPx = 30;
    const { geometry } = ocrbTemplates();
    const pitch = capPx * geometry.pitchPerCapHeight;
    const slope = 0.02;
    const width = Math.ceil(pitch * (text.length + 4));
    const centreOf = (i: number): number => pitch * (i + 2);
    const baselineAt = (x: number): number => capPx * 2.5 + slope * (x - width / 2);
    const img = drawGlyphs(text, capPx, { width, height: capPx * 5 }, centreOf, baselineAt);
    // The band's box: level, as tall as the sloping line's whole extent.
    const box = {
      top: Math.round(baselineAt(0) - capPx),
      bottom: Math.round(baselineAt(width)),
      left: Math.round(pitch * 1.5),
      right: Math.round(pitch * (text.length + 2.5)),
    };
    const cells = lineCells(img, box, 30, geometry.pitchPerCapHeight);
    expect(cells?.centres).toHaveLength(30);
    if (!cells) return;
    cells.centres.forEach((x, i) => {
      expect(Math.abs(x - centreOf(i)), `cell ${i}`).toBeLessThan(pitch * 0.2);
      expect(
        Math.abs((cells.baselines[i] ?? 0) - baselineAt(centreOf(i))),
        `row ${i}`,
      ).toBeLessThan(2);
    });
    const read = classifyLine(img, cells)
      .map((c) => c[0]?.char)
      .join('');
    expect(read.replace(/O/g, '0')).toBe(text.replace(/O/g, '0'));
  });
});
