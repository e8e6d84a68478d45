import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { MrzError } from '../codec/mrz-error';

/**
 * Reference glyphs of the MRZ alphabet rendered from OCR-B itself. ICAO 9303-3 §4.2 prescribes
 * OCR-B (ISO 1073-2) for every MRZ, so matching against the font's own glyphs is the standard way
 * to read it, not a fit to our corpus. The font comes from Debian's `fonts-ocr-b`.
 */
export const OCR_B_FONT_PATH = '/usr/share/fonts/opentype/ocr-b/OCRB.otf';
const FAMILY = 'OCR-B MRZ templates';

/** The MRZ alphabet (9303-3 §4.3). */
export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** Normalised geometry every glyph and every cell is resampled to before matching. */
export interface GlyphGeometry {
  /** Cap height in pixels. */
  readonly capHeight: number;
  /** Rows above the cap line and below the baseline. */
  readonly pad: number;
  /** Cell width in pixels: the font's advance at this cap height. */
  readonly width: number;
  /** Advance ÷ cap height of OCR-B: the pitch to expect from a measured line height. */
  readonly pitchPerCapHeight: number;
}

export interface GlyphTemplate {
  readonly char: string;
  /** `width × (capHeight + 2·pad)` ink values (0 paper … 1 ink), zero-mean, unit norm. */
  readonly values: Float64Array;
  /** The same glyph as rendered (0 paper … 1 ink), before normalisation: for blurred variants. */
  readonly ink: Float64Array;
}

export interface OcrbTemplates {
  readonly geometry: GlyphGeometry;
  readonly templates: readonly GlyphTemplate[];
}

const CAP_HEIGHT = 24;
const PAD = 4;
let cached: OcrbTemplates | undefined;

function ensureFont(): void {
  if (GlobalFonts.families.some((f) => f.family === FAMILY)) return;
  if (!GlobalFonts.registerFromPath(OCR_B_FONT_PATH, FAMILY)) {
    throw new MrzError(
      'MRZ_OCR_UNAVAILABLE',
      `cannot load the OCR-B font ${OCR_B_FONT_PATH} (Debian package fonts-ocr-b)`,
    );
  }
}

/** Zero mean, unit norm: the normalised-correlation form of a patch. */
export function normalisePatch(values: Float64Array): Float64Array {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length || 1;
  let norm = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] as number) - mean;
    out[i] = d;
    norm += d * d;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/** The 37 templates at the normalised geometry (rendered once, then cached). */
export function ocrbTemplates(): OcrbTemplates {
  if (cached) return cached;
  ensureFont();
  // Measure the font at a large size: cap height from `H`, advance from `<` (monospaced).
  const big = 200;
  const probe = createCanvas(big * 2, big * 2).getContext('2d');
  probe.font = `${big}px "${FAMILY}"`;
  const h = probe.measureText('H');
  const bigCap = h.actualBoundingBoxAscent;
  const advance = probe.measureText('<').width;
  const pitchPerCapHeight = advance / bigCap;
  const size = (big * CAP_HEIGHT) / bigCap;
  const width = Math.round(pitchPerCapHeight * CAP_HEIGHT);
  const height = CAP_HEIGHT + 2 * PAD;
  const templates = [...MRZ_ALPHABET].map((char) => {
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    ctx.font = `${size}px "${FAMILY}"`;
    const m = ctx.measureText(char);
    // The ink centred in the cell, as cells are centred on their ink; baseline at cap + pad.
    const inkCentre = (m.actualBoundingBoxRight - m.actualBoundingBoxLeft) / 2;
    ctx.fillText(char, width / 2 - inkCentre, PAD + CAP_HEIGHT);
    const { data } = ctx.getImageData(0, 0, width, height);
    const values = new Float64Array(width * height);
    for (let i = 0; i < values.length; i++) values[i] = 1 - (data[i * 4] as number) / 255;
    return { char, values: normalisePatch(values), ink: values };
  });
  cached = {
    geometry: { capHeight: CAP_HEIGHT, pad: PAD, width, pitchPerCapHeight },
    templates,
  };
  return cached;
}
