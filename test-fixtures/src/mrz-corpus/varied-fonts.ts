import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pick } from '../citizens/seeded-random';

/**
 * The faces the varied corpus prints its MRZ in. OCR-B is what ICAO 9303-3 prescribes, but
 * issuers' OCR-B renderings differ (Debian ships several cuts) and some printers substitute
 * another monospaced face, so a reader tuned on one face only fails on the others.
 */
export interface MrzFace {
  /** Shown in the metadata, e.g. `OCR-B`, `OCR-B Sharp`, `DejaVu Sans Mono Bold`. */
  readonly name: string;
  /** The family name it is registered under with `GlobalFonts` (unique per file). */
  readonly family: string;
  readonly ocrB: boolean;
  /** Cap height (`H` ascent) per unit of font size, so a cap height in mm gives a font size. */
  readonly capRatio: number;
}

const OCR_B_DIR = '/usr/share/fonts/opentype/ocr-b';
/**
 * Only the cuts that print like an MRZ: the inverted (E, X) cuts are white on black boxes, the
 * outline cut (F) is hollow and the oblique cut (L) slants; no issuer prints an MRZ like that.
 */
const OCR_B_CUTS: Readonly<Record<string, string>> = {
  'OCRB.otf': 'OCR-B',
  'OCRBS.otf': 'OCR-B Sharp',
};
/** Used when `fc-list` is missing; the Debian paths of the usual monospaced families. */
const FALLBACK_MONO = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf',
];
/** Monospaced faces without Latin capitals, or slanted ones: not MRZ-like. */
const NOT_MRZ_LIKE = /SignWriting|Symbol|Emoji|Math|Italic|Oblique|CJK|Arabic/i;

interface FontFile {
  readonly file: string;
  /** Shown in the metadata: fontconfig's family and style, e.g. `DejaVu Sans Mono Bold`. */
  readonly name: string;
}

/** `LiberationMono-Bold.ttf` → `LiberationMono Bold`: the fallback list's names. */
const nameFromFile = (file: string): string =>
  basename(file)
    .replace(/\.(ttf|otf)$/i, '')
    .replace(/-(Regular|Book)$/, '')
    .replace(/-/g, ' ');

/** Installed monospaced font files (fontconfig's `:spacing=mono`), sorted so runs agree. */
function monoFontFiles(): FontFile[] {
  let files: FontFile[];
  try {
    files = execFileSync(
      'fc-list',
      [':spacing=mono', '--format', '%{file}|%{family[0]}|%{style[0]}\n'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .map((line) => line.split('|'))
      .filter(([file]) => file !== undefined && /\.(ttf|otf)$/i.test(file))
      .map(([file = '', family = '', style = '']) => ({
        file,
        name: /^(Regular|Book)$/i.test(style) ? family : `${family} ${style}`,
      }));
  } catch {
    files = FALLBACK_MONO.filter((file) => existsSync(file)).map((file) => ({
      file,
      name: nameFromFile(file),
    }));
  }
  const unique = new Map(files.map((font) => [font.file, font]));
  return [...unique.values()]
    .filter(({ file, name }) => !file.includes('/ocr-b/') && !NOT_MRZ_LIKE.test(`${file} ${name}`))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Cap height per unit of font size, measured with canvas: what it will actually draw. */
function measureCapRatio(family: string): number {
  const ctx = createCanvas(8, 8).getContext('2d');
  ctx.font = `100px "${family}"`;
  return ctx.measureText('H').actualBoundingBoxAscent / 100;
}

export interface MrzFaces {
  readonly ocrB: readonly MrzFace[];
  readonly mono: readonly MrzFace[];
}

let faces: MrzFaces | undefined;

/**
 * Registers every usable face once per process. Throws without OCR-B (Debian's fonts-ocr-b),
 * which 70 % of the corpus needs; other monospaced faces are optional.
 */
export function loadMrzFaces(): MrzFaces {
  if (faces) return faces;
  const register = (file: string, name: string, ocrB: boolean): MrzFace | undefined => {
    const family = `MRZ varied ${name}`;
    if (!GlobalFonts.registerFromPath(file, family)) return undefined;
    const capRatio = measureCapRatio(family);
    return capRatio > 0.3 ? { name, family, ocrB, capRatio } : undefined;
  };
  const ocrB = existsSync(OCR_B_DIR)
    ? readdirSync(OCR_B_DIR)
        .filter((file) => file in OCR_B_CUTS)
        .sort()
        .map((file) => register(join(OCR_B_DIR, file), OCR_B_CUTS[file] ?? file, true))
        .filter((face): face is MrzFace => face !== undefined)
    : [];
  if (ocrB.length === 0) throw new Error(`no OCR-B in ${OCR_B_DIR}: install Debian's fonts-ocr-b`);
  const mono = monoFontFiles()
    .map(({ file, name }) => register(file, name, false))
    .filter((face): face is MrzFace => face !== undefined);
  faces = { ocrB, mono };
  return faces;
}

/** Families for the visual zone's Vietnamese print (they carry its diacritics). */
export const VISUAL_FAMILIES = ['DejaVu Sans', 'Noto Sans'].filter((family) =>
  GlobalFonts.has(family),
);

export interface FaceDraw {
  readonly face: MrzFace;
  /** Faux bold: the glyphs also stroked with the ink, this wide (px at the card's resolution). */
  readonly boldPx: number;
}

/**
 * OCR-B about 70 % of the time (a seventh of those faux-bold, ~10 % overall: over-inked or
 * heavier issuer cuts), another monospaced face otherwise (all OCR-B when none is installed).
 */
export function drawFace(random: () => number): FaceDraw {
  const { ocrB, mono } = loadMrzFaces();
  if (mono.length === 0 || random() < 0.7) {
    const face = pick(random, ocrB);
    const bold = random() < 1 / 7;
    return { face, boldPx: bold ? 0.5 + random() * 0.7 : 0 };
  }
  return { face: pick(random, mono), boldPx: 0 };
}
