import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { writeFile } from 'node:fs/promises';
import type { CitizenRecord } from '@kiosk/forms';
import { cccdMrzLines } from '../mrz-reader';
import { ensureOcrBFont, OCR_B_FAMILY } from './mrz-corpus';

/**
 * A short video of a synthetic citizen's CCCD (its MRZ side) held in front of a camera, as
 * YUV4MPEG2 for Chromium's fake camera (`--use-file-for-fake-video-capture=FILE.y4m`, which
 * loops it). The card moves by a pixel or two and turns a fraction of a degree between frames,
 * the way a hand-held card does, so the camera path sees frames that differ.
 */
export interface MrzCardVideoOptions {
  readonly citizen: CitizenRecord;
  /** Frame size; the card fills about two thirds of the width (default 1280 × 720). */
  readonly width?: number;
  readonly height?: number;
  /** Frames in the file (default 12); Chromium plays them in a loop. */
  readonly frames?: number;
  /** Frames per second written in the header (default 10). */
  readonly fps?: number;
}

/** ID-1 card proportions (ISO/IEC 7810): 85.60 × 53.98 mm. */
const CARD_ASPECT = 85.6 / 53.98;

/** The card's MRZ side in card coordinates (0..w, 0..h): print at the top, MRZ at the bottom. */
function drawCard(ctx: SKRSContext2D, lines: readonly string[], w: number, h: number): void {
  ctx.fillStyle = 'rgb(236, 232, 222)';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = 'rgb(60, 60, 80)';
  ctx.font = `${Math.round(h * 0.04)}px DejaVu Sans`;
  ctx.fillText('Đặc điểm nhân dạng / Personal identification', w * 0.06, h * 0.11);
  ctx.fillText('Ngày, tháng, năm / Date, month, year', w * 0.06, h * 0.19);
  ctx.fillRect(w * 0.69, h * 0.09, w * 0.24, h * 0.21);
  // ICAO 9303-3 §4.2.2: 30 characters at 2.54 mm each span ≈ 89 % of the card's width.
  ctx.font = `44px "${OCR_B_FAMILY}"`;
  const pitch = (w * 0.89) / 30;
  const size = (44 * pitch) / ctx.measureText('<').width;
  ctx.font = `${size.toFixed(2)}px "${OCR_B_FAMILY}"`;
  ctx.fillStyle = 'rgb(20, 20, 20)';
  const lineGap = size * 1.45;
  const top = h - h * 0.065 - lineGap * (lines.length - 1);
  lines.forEach((line, i) => ctx.fillText(line, w * 0.055, top + i * lineGap));
}

/** One RGBA frame: a desk, and the card near the centre, shifted and turned for frame `k`. */
function renderFrame(
  lines: readonly string[],
  width: number,
  height: number,
  k: number,
  frames: number,
): Uint8ClampedArray {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'rgb(92, 84, 76)';
  ctx.fillRect(0, 0, width, height);
  const cardW = Math.min(width * 0.68, height * 0.76 * CARD_ASPECT);
  const cardH = cardW / CARD_ASPECT;
  const phase = (2 * Math.PI * k) / frames;
  ctx.translate(width / 2 + 2 * Math.sin(phase), height / 2 + 1.5 * Math.cos(phase));
  ctx.rotate((0.4 * Math.PI * Math.sin(phase + 1)) / 180);
  ctx.translate(-cardW / 2, -cardH / 2);
  drawCard(ctx, lines, cardW, cardH);
  return ctx.getImageData(0, 0, width, height).data;
}

/** RGBA → planar Y, Cb, Cr with 2 × 2 chroma averaging (JFIF full range: Y4M `C420jpeg`). */
function toYuv420(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const cw = width / 2;
  const ch = height / 2;
  const out = Buffer.alloc(width * height + 2 * cw * ch);
  const u0 = width * height;
  const v0 = u0 + cw * ch;
  for (let i = 0, o = 0; i < width * height; i++, o += 4) {
    const r = rgba[o] ?? 0;
    const g = rgba[o + 1] ?? 0;
    const b = rgba[o + 2] ?? 0;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const o = ((2 * y + dy) * width + 2 * x + dx) * 4;
        r += rgba[o] ?? 0;
        g += rgba[o + 1] ?? 0;
        b += rgba[o + 2] ?? 0;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
      out[u0 + y * cw + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[v0 + y * cw + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

/** The video as YUV4MPEG2 bytes (header, then `FRAME` + planes per frame). */
export function renderMrzCardVideo(options: MrzCardVideoOptions): Buffer {
  ensureOcrBFont();
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('4:2:0 needs an even frame size');
  const frames = options.frames ?? 12;
  const lines = cccdMrzLines(options.citizen);
  const parts: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${options.fps ?? 10}:1 Ip A1:1 C420jpeg\n`),
  ];
  for (let k = 0; k < frames; k++) {
    parts.push(Buffer.from('FRAME\n'));
    parts.push(toYuv420(renderFrame(lines, width, height, k, frames), width, height));
  }
  return Buffer.concat(parts);
}

/** Writes the video to `file` (a `.y4m`); returns the MRZ lines the card shows. */
export async function writeMrzCardVideo(
  file: string,
  options: MrzCardVideoOptions,
): Promise<readonly string[]> {
  await writeFile(file, renderMrzCardVideo(options));
  return cccdMrzLines(options.citizen);
}
