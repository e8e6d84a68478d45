import { MrzError, isMrzError } from '../codec/mrz-error';
import type { ParseMrzOptions } from '../codec/parse-mrz';
import { readCells, type CellReading } from './cell-reading';
import { estimateBandBlur } from './blur-estimate';
import { linePatches, scoreCell, type CellScores } from './glyph-classifier';
import { lineCells, type LineCells } from './glyph-cells';
import type { MrzBand } from './mrz-band';
import { ocrbTemplates } from './ocrb-templates';
import { isVietnameseNameShape } from './vietnamese-name-shape';

export type TemplateBandReading =
  | { readonly ok: true; readonly reading: CellReading }
  | { readonly ok: false; readonly error: MrzError; readonly glyphLines: readonly string[] };

/** Characters per line: TD1 has 3 lines of 30; a 2-line band is TD2 (36) or TD3 (44). */
function charactersPerLine(band: MrzBand, pitchPerCapHeight: number): number {
  if (band.lines.length === 3) return 30;
  const line = band.lines[0];
  if (!line) return 44;
  const estimate = (line.right - line.left) / ((line.bottom - line.top) * pitchPerCapHeight);
  return Math.abs(estimate - 36) < Math.abs(estimate - 44) ? 36 : 44;
}

/** Every line's cells, or undefined when a line's glyphs do not form a fixed-pitch grid. */
export function bandCells(band: MrzBand): LineCells[] | undefined {
  const { geometry } = ocrbTemplates();
  const n = charactersPerLine(band, geometry.pitchPerCapHeight);
  const found = band.lines.map((line) =>
    lineCells(band.image, line, n, geometry.pitchPerCapHeight),
  );
  // The lines of one MRZ share pitch and left margin (9303-3 §4.2.2): a line whose own fit
  // disagrees with the band's median is fitted again within the median's range.
  const fitted = found.filter((c): c is LineCells => c !== undefined);
  const middle = <T>(xs: T[], key: (x: T) => number): number =>
    xs.map(key).sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
  const prior =
    fitted.length >= 2
      ? {
          pitch: middle(fitted, (c) => c.pitch),
          firstCentre: middle(fitted, (c) => c.centres[0] ?? 0),
        }
      : undefined;
  const all: LineCells[] = [];
  for (const [i, line] of band.lines.entries()) {
    let cells = found[i];
    const off =
      prior &&
      (!cells ||
        Math.abs(cells.pitch / prior.pitch - 1) > 0.02 ||
        Math.abs((cells.centres[0] ?? 0) - prior.firstCentre) > prior.pitch * 0.5);
    if (off) cells = lineCells(band.image, line, n, geometry.pitchPerCapHeight, prior);
    if (!cells) return undefined;
    all.push(cells);
  }
  return all;
}

/**
 * Ranked OCR-B candidates for every cell of the band, matched with templates blurred like the
 * band (`estimateBandBlur`); undefined when the glyphs do not form fixed-pitch lines.
 */
export function bandCellScores(band: MrzBand): CellScores[][] | undefined {
  const cells = bandCells(band);
  if (!cells) return undefined;
  const patches = cells.map((line) => linePatches(band.image, line));
  const { templates } = estimateBandBlur(patches.flat(), ocrbTemplates());
  return patches.map((line) => line.map((patch) => scoreCell(patch, templates)));
}

/**
 * Reads a located, deskewed MRZ band glyph by glyph: cells from the column ink profile of each
 * line, OCR-B template correlation per cell, then the position rules and check digits.
 * `MRZ_OCR_NOT_FOUND` when a line's glyphs do not form a fixed-pitch grid.
 */
export function readBandWithTemplates(
  band: MrzBand,
  options: ParseMrzOptions = {},
): TemplateBandReading {
  const scores = bandCellScores(band);
  if (!scores) {
    return {
      ok: false,
      error: new MrzError('MRZ_OCR_NOT_FOUND', 'the MRZ glyphs do not form a fixed-pitch line'),
      glyphLines: [],
    };
  }
  const glyphLines = scores.map((line) => line.map((c) => c[0]?.char ?? '<').join(''));
  try {
    const reading = readCells(scores, options);
    const { document } = reading;
    // The name line has no check digit: a CCCD name must at least read as Vietnamese syllables.
    if (
      document.personalId !== undefined &&
      !isVietnameseNameShape(`${document.surname} ${document.givenNames}`)
    ) {
      throw new MrzError('MRZ_AMBIGUOUS', 'the name line does not read as a Vietnamese name', {
        line: 2,
        field: 'name',
      });
    }
    return { ok: true, reading };
  } catch (error) {
    if (isMrzError(error)) return { ok: false, error, glyphLines };
    throw error;
  }
}
