import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticCitizen } from '../citizens/synthetic-citizens';
import { seededRandom } from '../citizens/seeded-random';
import { cccdMrzLines } from '../mrz-reader';
import { boxBlur, homographyFrom, lightAndNoise, warp, type Rgba } from './image-warp';

/** Debian's fonts-ocr-b: the typeface ICAO 9303-3 §4.2 prescribes for the MRZ. */
export const OCR_B_FONT = '/usr/share/fonts/opentype/ocr-b/OCRB.otf';
export const OCR_B_FAMILY = 'OCR-B corpus';

export interface MrzCorpusImage {
  readonly name: string;
  readonly citizenIndex: number;
  /** The MRZ printed on the card: the ground truth. */
  readonly lines: readonly string[];
  readonly format: 'png' | 'jpeg';
  readonly image: Buffer;
  /** The distortions applied, for reports. */
  readonly distortion: {
    readonly widthPx: number;
    readonly rotationDeg: number;
    readonly keystone: number;
    readonly blurPx: number;
    readonly noise: number;
    readonly light: readonly [number, number];
    readonly jpegQuality?: number;
  };
}

export interface MrzCorpusOptions {
  readonly count: number;
  readonly seed?: number;
  /** Citizens are drawn from this seed of the synthetic population. */
  readonly citizenSeed?: number;
}

let fontReady = false;
/** Registers Debian's OCR-B once per process under {@link OCR_B_FAMILY} (corpus and video). */
export function ensureOcrBFont(): void {
  if (fontReady) return;
  if (!GlobalFonts.registerFromPath(OCR_B_FONT, OCR_B_FAMILY)) {
    throw new Error(`cannot load ${OCR_B_FONT}: install Debian's fonts-ocr-b`);
  }
  fontReady = true;
}

const CARD_W = 1012;
const CARD_H = 638;

/** The back of a CCCD at ~300 dpi: background pattern, some print, the MRZ at the bottom. */
function renderCard(lines: readonly string[], random: () => number): Rgba {
  const canvas = createCanvas(CARD_W, CARD_H);
  const ctx = canvas.getContext('2d');
  const tint = 225 + Math.floor(random() * 25);
  ctx.fillStyle = `rgb(${tint}, ${tint - 5}, ${tint - 15})`;
  ctx.fillRect(0, 0, CARD_W, CARD_H);
  // A faint guilloche-like pattern, as on the real card's security print.
  ctx.strokeStyle = 'rgba(150, 120, 100, 0.18)';
  ctx.lineWidth = 1;
  for (let k = 0; k < 14; k++) {
    ctx.beginPath();
    const phase = random() * Math.PI * 2;
    for (let x = 0; x <= CARD_W; x += 8) {
      const y = 40 + k * 20 + 12 * Math.sin(x / 40 + phase);
      if (x === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  ctx.fillStyle = 'rgb(40, 40, 60)';
  ctx.font = '26px DejaVu Sans';
  ctx.fillText('Đặc điểm nhân dạng / Personal identification', 60, 70);
  ctx.fillText('Ngày, tháng, năm / Date, month, year', 60, 120);
  ctx.fillRect(700, 60, 240, 220 * 0.6);
  // ICAO 9303-3 §4.2.2: 10 characters per 25.4 mm; 30 characters ≈ 76 mm of the 85.6 mm card.
  ctx.font = `44px "${OCR_B_FAMILY}"`;
  const pitch = (CARD_W * 0.89) / 30;
  const charWidth = ctx.measureText('<').width;
  const size = (44 * pitch) / charWidth;
  ctx.font = `${size.toFixed(1)}px "${OCR_B_FAMILY}"`;
  ctx.fillStyle = 'rgb(20, 20, 20)';
  const lineGap = size * 1.45;
  const top = CARD_H - 40 - lineGap * (lines.length - 1);
  lines.forEach((line, i) => ctx.fillText(line, CARD_W * 0.055, top + i * lineGap));
  const data = ctx.getImageData(0, 0, CARD_W, CARD_H);
  return { width: CARD_W, height: CARD_H, data: data.data };
}

async function encode(img: Rgba, format: 'png' | 'jpeg', quality: number): Promise<Buffer> {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(img.width, img.height);
  data.data.set(img.data);
  ctx.putImageData(data, 0, 0);
  return format === 'jpeg' ? canvas.encode('jpeg', quality) : canvas.encode('png');
}

/** One photo of a card: scaled, rotated up to ±5°, keystoned, lit unevenly, noisy, blurred. */
async function photograph(
  card: Rgba,
  random: () => number,
): Promise<Omit<MrzCorpusImage, 'name' | 'citizenIndex' | 'lines'>> {
  const widthPx = Math.round(520 + random() * 700);
  const scale = widthPx / CARD_W;
  const rotationDeg = (random() * 2 - 1) * 5;
  const keystone = (random() * 2 - 1) * 0.06;
  const outW = Math.round(widthPx * 1.25);
  const outH = Math.round(CARD_H * scale * 1.35);
  const cx = outW / 2;
  const cy = outH / 2;
  const r = (rotationDeg * Math.PI) / 180;
  const place = ([x, y]: readonly [number, number]): [number, number] => {
    // Keystone: the card's top edge narrower or wider than its bottom edge.
    const squeeze = 1 + keystone * (y / CARD_H - 0.5) * 2;
    const px = (x - CARD_W / 2) * scale * squeeze;
    const py = (y - CARD_H / 2) * scale;
    return [cx + px * Math.cos(r) - py * Math.sin(r), cy + px * Math.sin(r) + py * Math.cos(r)];
  };
  const corners: Array<[number, number]> = [
    [0, 0],
    [CARD_W, 0],
    [CARD_W, CARD_H],
    [0, CARD_H],
  ];
  const h = homographyFrom(corners, corners.map(place));
  const table = [70 + random() * 60, 60 + random() * 50, 50 + random() * 40] as const;
  const photo = warp(card, h, outW, outH, table);
  const light: [number, number] = [0.65 + random() * 0.35, 0.85 + random() * 0.3];
  const noise = random() * 14;
  lightAndNoise(
    photo,
    random,
    { from: light[0], to: light[1], angle: random() * Math.PI * 2 },
    noise,
  );
  const blurPx = random() < 0.5 ? 0 : random() < 0.7 ? 1 : 2;
  const blurred = boxBlur(photo, blurPx);
  const asJpeg = random() < 0.6;
  const jpegQuality = asJpeg ? Math.round(35 + random() * 55) : undefined;
  const image = await encode(blurred, asJpeg ? 'jpeg' : 'png', jpegQuality ?? 100);
  return {
    format: asJpeg ? 'jpeg' : 'png',
    image,
    distortion: { widthPx, rotationDeg, keystone, blurPx, noise, light, jpegQuality },
  };
}

/**
 * The MRZ image corpus: deterministic for a seed, generated on demand (nothing committed).
 * Each image is the back of a synthetic citizen's CCCD photographed with random distortions.
 */
export async function* generateMrzCorpus(
  options: MrzCorpusOptions,
): AsyncGenerator<MrzCorpusImage> {
  ensureOcrBFont();
  const random = seededRandom(options.seed ?? 9303);
  for (let i = 0; i < options.count; i++) {
    const citizen = syntheticCitizen(i, options.citizenSeed);
    const lines = cccdMrzLines(citizen);
    const card = renderCard(lines, random);
    const shot = await photograph(card, random);
    yield {
      name: `mrz-${String(i).padStart(3, '0')}.${shot.format === 'jpeg' ? 'jpg' : 'png'}`,
      citizenIndex: i,
      lines,
      ...shot,
    };
  }
}

/** Writes the corpus to a folder with a `truth.json` of the expected lines. */
export async function writeMrzCorpus(
  dir: string,
  options: MrzCorpusOptions,
): Promise<MrzCorpusImage[]> {
  await mkdir(dir, { recursive: true });
  const all: MrzCorpusImage[] = [];
  for await (const item of generateMrzCorpus(options)) {
    await writeFile(join(dir, item.name), item.image);
    all.push(item);
  }
  const truth = all.map(({ name, lines, distortion }) => ({ name, lines, distortion }));
  await writeFile(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return all;
}
