import type { GrayImage } from './gray-image';
import { otsuThreshold } from './otsu';

/**
 * OCR-B's filler `<` is the one glyph general-purpose OCR models misread most (as K, L, C or
 * "KL"), so the pipeline finds filler cells itself. The MRZ is fixed-pitch (ICAO 9303-3 §4.2.2),
 * so a line of N characters is N equal cells; a chevron cell has its ink's left tip in the middle
 * third and both right corners inked with the middle-right empty — a shape no letter or digit
 * of OCR-B has (C and K also ink their left column at the top and bottom).
 */
export interface LineBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Which of the `cells` character cells of a line hold a filler `<`. */
export function chevronCells(img: GrayImage, line: LineBox, cells: number): boolean[] {
  const top = Math.max(0, line.top - 2);
  const bottom = Math.min(img.height, line.bottom + 2);
  const values: number[] = [];
  for (let y = top; y < bottom; y++)
    for (let x = line.left; x <= line.right; x++)
      values.push(img.data[y * img.width + x] as number);
  const threshold = otsuThreshold(values);
  const ink = (x: number, y: number): boolean =>
    (img.data[y * img.width + x] as number) <= threshold;
  // Glyphs are ~0.7 of the pitch wide, so the ink extent is (N − 0.3) pitches.
  const pitch = (line.right - line.left + 1) / (cells - 0.3);
  const result: boolean[] = [];
  for (let c = 0; c < cells; c++) {
    const x0 = Math.round(line.left + c * pitch - pitch * 0.15);
    const x1 = Math.round(line.left + (c + 1) * pitch - pitch * 0.15);
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let y = top; y < bottom; y++) {
      for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
        if (!ink(x, y)) continue;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    if (!Number.isFinite(minX) || maxX - minX < 3 || maxY - minY < 3) {
      result.push(false);
      continue;
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const zone = (fx0: number, fx1: number, fy0: number, fy1: number): number => {
      let n = 0;
      let total = 0;
      for (let y = Math.floor(minY + fy0 * h); y < Math.ceil(minY + fy1 * h); y++) {
        for (let x = Math.floor(minX + fx0 * w); x < Math.ceil(minX + fx1 * w); x++) {
          total++;
          if (ink(x, y)) n++;
        }
      }
      return total === 0 ? 0 : n / total;
    };
    const leftTop = zone(0, 0.25, 0, 0.25);
    const leftMiddle = zone(0, 0.25, 0.35, 0.65);
    const leftBottom = zone(0, 0.25, 0.75, 1);
    const rightTop = zone(0.7, 1, 0, 0.2);
    const rightMiddle = zone(0.6, 1, 0.35, 0.65);
    const rightBottom = zone(0.7, 1, 0.8, 1);
    result.push(
      leftMiddle > 0.25 &&
        leftTop < 0.08 &&
        leftBottom < 0.08 &&
        rightMiddle < 0.08 &&
        rightTop > 0.15 &&
        rightBottom > 0.15,
    );
  }
  return result;
}
