import { MrzError, isMrzError } from '../codec/mrz-error';
import type { ParseMrzOptions } from '../codec/parse-mrz';
import { layoutForShape } from '../codec/layouts';
import { ALLOWED, bandClasses, readCells, type CellReading, type GlyphRank } from './cell-reading';
import { estimateBandBlur } from './blur-estimate';
import {
  linePatches,
  patchWindow,
  scoreCell,
  type CellPatch,
  type CellScores,
} from './glyph-classifier';
import { glyphLogits, glyphMargin, glyphModel } from './glyph-model';
import type { ShapeMargin } from './letter-or-digit';
import { lineCells, type LineCells } from './glyph-cells';
import type { MrzBand } from './mrz-band';
import { ocrbTemplates, type OcrbTemplates } from './ocrb-templates';
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

const subsets = new WeakMap<OcrbTemplates, Map<string, OcrbTemplates>>();

/** The templates of the given glyphs only (cached, so each subset's bank is built once). */
function templatesOf(all: OcrbTemplates, chars: string): OcrbTemplates {
  let byChars = subsets.get(all);
  if (!byChars) {
    byChars = new Map();
    subsets.set(all, byChars);
  }
  let subset = byChars.get(chars);
  if (!subset) {
    subset = { ...all, templates: all.templates.filter((t) => chars.includes(t.char)) };
    byChars.set(chars, subset);
  }
  return subset;
}

/** Cells whose glyphs, read against the whole alphabet, tell the document's profile. */
const PROFILE_CELLS = 5;

/**
 * Every cell scored against the glyphs its position admits (9303-3 §4.3, narrowed by the CCCD
 * profile): a digit cell is matched with 10 templates, not 37. The reading only ever ranks the
 * admitted glyphs (`readCells`), so this changes no decision; the first line's first cells,
 * which say which profile applies, are scored against all of them.
 */
function scoreByClass(patches: CellPatch[][], templates: OcrbTemplates): CellScores[][] {
  const layout = layoutForShape(patches.length, patches[0]?.length ?? 0);
  const head = (patches[0] ?? []).slice(0, PROFILE_CELLS).map((p) => scoreCell(p, templates));
  const classes = layout
    ? bandClasses(layout, head.map((c) => c[0]?.char ?? '<').join(''))
    : undefined;
  return patches.map((line, li) =>
    line.map((patch, col) => {
      const known = li === 0 ? head[col] : undefined;
      if (known) return known;
      const charClass = classes?.[li]?.[col];
      return scoreCell(patch, charClass ? templatesOf(templates, ALLOWED[charClass]) : templates);
    }),
  );
}

/** Ranked OCR-B candidates for every cell, and the glyph model's logits for each cell. */
export interface BandGlyphs {
  readonly scores: CellScores[][];
  readonly logits: Float64Array[][];
}

/**
 * Ranked OCR-B candidates for every cell of the band, matched with templates blurred like the
 * band (`estimateBandBlur`), and the glyph model's logits on the window where the best template
 * fitted; undefined when the glyphs do not form fixed-pitch lines.
 */
export function bandGlyphs(band: MrzBand): BandGlyphs | undefined {
  const cells = bandCells(band);
  if (!cells) return undefined;
  const patches = cells.map((line) => linePatches(band.image, line));
  const { templates } = estimateBandBlur(patches.flat(), ocrbTemplates());
  const scores = scoreByClass(patches, templates);
  const model = glyphModel();
  const window = new Float64Array(model.width * model.height);
  const logits = patches.map((line, li) =>
    line.map((patch, col) => {
      const top = scores[li]?.[col]?.[0];
      patchWindow(patch, model.width, model.height, top?.dx ?? 3, top?.dy ?? 3, window);
      return glyphLogits(model, window);
    }),
  );
  return { scores, logits };
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
  const glyphs = bandGlyphs(band);
  if (!glyphs) {
    return {
      ok: false,
      error: new MrzError('MRZ_OCR_NOT_FOUND', 'the MRZ glyphs do not form a fixed-pitch line'),
      glyphLines: [],
    };
  }
  const { scores, logits } = glyphs;
  const glyphLines = scores.map((line) => line.map((c) => c[0]?.char ?? '<').join(''));
  const model = glyphModel();
  // The model's margin between two glyphs of one cell: letter against digit (`shape`), and any
  // glyph against the templates' choice where no check digit covers it (`rank`).
  const margin: ShapeMargin & GlyphRank = (line, column, a, b) => {
    const cell = logits[line]?.[column];
    return cell ? glyphMargin(model, cell, a, b) : 0;
  };
  try {
    const reading = readCells(scores, options, margin, margin);
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
