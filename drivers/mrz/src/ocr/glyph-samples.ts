import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { cellPatch, patchWindow, scoreCell } from './glyph-classifier';
import type { GrayImage } from './gray-image';
import { MRZ_ALPHABET, ocrbTemplates } from './ocrb-templates';
import { blurInk } from './template-blur';

/**
 * Labelled glyph windows for training the glyph model: every MRZ glyph rendered in a fixed-pitch
 * line (as the corpus generator prints the MRZ) in several fonts and sizes, blurred, noised and
 * shifted, then cut with the reader's own `cellPatch` / `patchWindow` so the model sees exactly
 * what the reader gives it.
 */
export interface GlyphFont {
  readonly path: string;
  /** Samples of this font per glyph and rendering, relative to the others. */
  readonly weight: number;
}

/**
 * OCR-B in Debian's six cuts (`fonts-ocr-b`: regular and the E, F, L, S, X variants, which
 * differ in stroke weight and details), and two monospaced fonts whose O and 0, I and 1 are
 * drawn differently from OCR-B's, so the model cannot lean on one rendering.
 */
export const TRAINING_FONTS: readonly GlyphFont[] = [
  { path: '/usr/share/fonts/opentype/ocr-b/OCRB.otf', weight: 2 },
  { path: '/usr/share/fonts/opentype/ocr-b/OCRBE.otf', weight: 1 },
  { path: '/usr/share/fonts/opentype/ocr-b/OCRBF.otf', weight: 1 },
  { path: '/usr/share/fonts/opentype/ocr-b/OCRBL.otf', weight: 1 },
  { path: '/usr/share/fonts/opentype/ocr-b/OCRBS.otf', weight: 1 },
  { path: '/usr/share/fonts/opentype/ocr-b/OCRBX.otf', weight: 1 },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', weight: 1 },
  { path: '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf', weight: 1 },
];

export interface GlyphSample {
  readonly label: number;
  readonly window: Float64Array;
}

export interface SampleOptions {
  readonly fonts?: readonly GlyphFont[];
  /** Cap heights in image pixels (a phone photo of a card: ~12–40 px). */
  readonly capHeights?: readonly number[];
  /** Gaussian blur σ in image pixels. */
  readonly blurs?: readonly number[];
  /** Random draws (shift, contrast, noise) per glyph, font weight, size and blur. */
  readonly draws?: number;
  readonly seed?: number;
}

/** mulberry32: a small deterministic generator, so a seed gives the same model. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RenderedLine {
  /** Ink 0 … 1, `width × height`. */
  readonly ink: Float64Array;
  readonly width: number;
  readonly height: number;
  readonly baseline: number;
  readonly pitch: number;
  readonly capHeight: number;
  /** Ink centre of each glyph of {@link MRZ_ALPHABET}, from the sharp rendering. */
  readonly centres: readonly number[];
}

const families = new Map<string, string>();

function familyOf(path: string): string {
  const known = families.get(path);
  if (known) return known;
  const family = `MRZ training ${families.size}`;
  if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`cannot load font ${path}`);
  families.set(path, family);
  return family;
}

/** The alphabet at a fixed pitch (the font's own advance), cap height `cap` pixels. */
function renderLine(path: string, cap: number): RenderedLine {
  const family = familyOf(path);
  const probe = createCanvas(400, 400).getContext('2d');
  probe.font = `200px "${family}"`;
  const size = (200 * cap) / probe.measureText('H').actualBoundingBoxAscent;
  probe.font = `${size}px "${family}"`;
  const pitch = probe.measureText('<').width;
  const margin = Math.ceil(pitch * 2);
  const width = Math.ceil(margin * 2 + pitch * MRZ_ALPHABET.length);
  const height = Math.ceil(cap * 3);
  const baseline = Math.round(cap * 2);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${size}px "${family}"`;
  [...MRZ_ALPHABET].forEach((c, i) => ctx.fillText(c, margin + i * pitch, baseline));
  const { data } = ctx.getImageData(0, 0, width, height);
  const ink = new Float64Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = 1 - (data[i * 4] as number) / 255;
  const centres = [...MRZ_ALPHABET].map((_, i) => {
    // A monospaced glyph's ink stays within its own advance.
    const from = Math.floor(margin + i * pitch);
    const to = Math.ceil(margin + (i + 1) * pitch);
    let left = -1;
    let right = -1;
    for (let x = from; x < to; x++) {
      let inked = false;
      for (let y = 0; y < height && !inked; y++) inked = (ink[y * width + x] as number) > 0.5;
      if (inked && left < 0) left = x;
      if (inked) right = x;
    }
    return left < 0 ? margin + (i + 0.5) * pitch : (left + right + 1) / 2;
  });
  return { ink, width, height, baseline, pitch, capHeight: cap, centres };
}

/** Standard normal from two uniforms (Box–Muller). */
const normal = (random: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Training windows for every glyph of the alphabet; deterministic for the options. */
export function glyphSamples(options: SampleOptions = {}): GlyphSample[] {
  const fonts = options.fonts ?? TRAINING_FONTS;
  const capHeights = options.capHeights ?? [11, 14, 18, 24, 32];
  const blurs = options.blurs ?? [0, 0.6, 1.1, 1.7];
  const draws = options.draws ?? 2;
  const random = seededUniform(options.seed ?? 9303);
  const t = ocrbTemplates();
  const tw = t.geometry.width;
  const th = t.geometry.capHeight + 2 * t.geometry.pad;
  const ownTemplate = t.templates.map((g) => ({ ...t, templates: [g] }));
  const samples: GlyphSample[] = [];
  for (const font of fonts)
    for (const cap of capHeights) {
      const line = renderLine(font.path, cap);
      for (const sigma of blurs) {
        const blurred = blurInk(line.ink, line.width, line.height, sigma);
        for (let d = 0; d < draws * font.weight; d++) {
          // Paper and ink levels, sensor noise: a photo, not a print.
          const paper = 170 + random() * 85;
          const contrast = 0.45 + random() * 0.5;
          const noise = random() * 14;
          const data = new Uint8Array(line.width * line.height);
          for (let i = 0; i < data.length; i++) {
            const v = paper * (1 - contrast * (blurred[i] as number)) + noise * normal(random);
            data[i] = Math.max(0, Math.min(255, Math.round(v)));
          }
          const img: GrayImage = { width: line.width, height: line.height, data };
          // The reader's scales: pitch from the grid (±3 %), cap height measured (±6 %).
          const scaleX = tw / (line.pitch * (1 + (random() - 0.5) * 0.06));
          const scaleY = t.geometry.capHeight / (line.capHeight * (1 + (random() - 0.5) * 0.12));
          line.centres.forEach((centre, label) => {
            const patch = cellPatch(
              img,
              {
                centre: centre + (random() - 0.5) * 0.08 * line.pitch,
                baseline: line.baseline + (random() - 0.5) * 0.06 * line.capHeight,
                scaleX,
                scaleY,
              },
              t,
            );
            // The reader classifies the window where the best template fitted: here the
            // template of the glyph drawn (OCR-B's, whatever the font).
            const own = ownTemplate[label];
            const fit = own ? scoreCell(patch, own)[0] : undefined;
            const dx = fit?.dx ?? (patch.width - tw) / 2;
            const dy = fit?.dy ?? (patch.height - th) / 2;
            samples.push({ label, window: patchWindow(patch, tw, th, dx, dy) });
          });
        }
      }
    }
  return samples;
}
