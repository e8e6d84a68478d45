import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { pick } from '../citizens/seeded-random';
import {
  drawBaseGradient,
  drawBox,
  drawRosette,
  drawSeal,
  drawVisualText,
  drawWaves,
  type Box,
  type BoxKind,
} from './varied-card-print';
import type { VariedDocument } from './varied-documents';
import { drawFace, type MrzFace } from './varied-fonts';

/**
 * The document itself, flat, at 12–22 px/mm, with its MRZ laid out per ICAO 9303-3 §4.2.2:
 * 10 characters per 25.4 mm (± 4 % here), each glyph centred in its own cell, so faces whose
 * advance is not OCR-B's still land on the MRZ grid.
 */
export type Raster = '1x' | '1x-aliased' | '2x' | '3x';
/** How the glyph layer reached the card: canvas anti-aliasing, a threshold, or a downscale. */
export type RasterFilter = 'canvas' | 'threshold' | 'nearest' | 'low' | 'medium' | 'high';

export interface CardDraw {
  readonly font: string;
  readonly bold: boolean;
  readonly boldPx: number;
  readonly raster: Raster;
  readonly rasterFilter: RasterFilter;
  readonly pxPerMm: number;
  readonly pitchMm: number;
  readonly capHeightMm: number;
  readonly lineSpacingMm: number;
  /** Per-glyph print registration error (uniform ± this), 0 in half the images. */
  readonly glyphJitterMm: number;
  readonly ink: readonly [number, number, number];
  /** A faint security pattern runs under the MRZ too. */
  readonly patternInMrz: boolean;
}

export interface RenderedCard {
  readonly canvas: Canvas;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly draw: CardDraw;
}

const between = (random: () => number, lo: number, hi: number): number => lo + random() * (hi - lo);

interface MrzGeometry {
  readonly x0: number;
  /** Vertical centre of each line, mm from the top. */
  readonly centres: readonly number[];
  readonly pitch: number;
  readonly cap: number;
}

/** Draws every glyph in card px × `f`, shifted by the zone origin; one cell per character. */
function drawGlyphs(
  ctx: SKRSContext2D,
  lines: readonly string[],
  g: MrzGeometry,
  face: MrzFace,
  o: { ppm: number; f: number; zx: number; zy: number; boldPx: number; jitter: number },
  random: () => number,
): void {
  const px = (mm: number, zone: number): number => (mm * o.ppm - zone) * o.f;
  ctx.font = `${((g.cap * o.ppm * o.f) / face.capRatio).toFixed(2)}px "${face.family}"`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineWidth = o.boldPx * o.f;
  ctx.lineJoin = 'round';
  lines.forEach((line, li) => {
    const baseline = (g.centres[li] ?? 0) + g.cap / 2;
    for (let ci = 0; ci < line.length; ci++) {
      const x = px(g.x0 + (ci + 0.5) * g.pitch + (random() * 2 - 1) * o.jitter, o.zx);
      const y = px(baseline + (random() * 2 - 1) * o.jitter, o.zy);
      if (o.boldPx > 0) ctx.strokeText(line.charAt(ci), x, y);
      ctx.fillText(line.charAt(ci), x, y);
    }
  });
}

/**
 * Puts the MRZ on the card. `1x`: canvas's own anti-aliased text. `1x-aliased`: the same layer
 * thresholded to hard edges (canvas text ignores `imageSmoothingEnabled`). `2x`/`3x`: drawn at
 * that multiple and downscaled by one of skia's filters (nearest … high), as printers and scans
 * differ in how a glyph's edge falls on pixels.
 */
function printMrz(
  card: SKRSContext2D,
  lines: readonly string[],
  g: MrzGeometry,
  face: MrzFace,
  d: Pick<CardDraw, 'raster' | 'rasterFilter' | 'pxPerMm' | 'boldPx' | 'ink' | 'glyphJitterMm'>,
  random: () => number,
): void {
  const ink = `rgb(${d.ink.join(', ')})`;
  const common = { ppm: d.pxPerMm, boldPx: d.boldPx, jitter: d.glyphJitterMm };
  card.save();
  card.setTransform(1, 0, 0, 1, 0, 0);
  card.fillStyle = ink;
  card.strokeStyle = ink;
  if (d.raster === '1x') {
    drawGlyphs(card, lines, g, face, { ...common, f: 1, zx: 0, zy: 0 }, random);
    card.restore();
    return;
  }
  const last = g.centres[g.centres.length - 1] ?? 0;
  const zx = Math.floor((g.x0 - g.pitch) * d.pxPerMm);
  const zy = Math.floor(((g.centres[0] ?? 0) - g.cap * 1.5) * d.pxPerMm);
  const zw = Math.ceil((lines[0]?.length ?? 0) * g.pitch * d.pxPerMm + 2 * g.pitch * d.pxPerMm);
  const zh = Math.ceil((last - (g.centres[0] ?? 0) + g.cap * 3) * d.pxPerMm);
  const f = d.raster === '3x' ? 3 : d.raster === '2x' ? 2 : 1;
  const mask = createCanvas(zw * f, zh * f);
  const m = mask.getContext('2d');
  m.fillStyle = ink;
  m.strokeStyle = ink;
  drawGlyphs(m, lines, g, face, { ...common, f, zx, zy }, random);
  if (d.rasterFilter === 'threshold') {
    const layer = m.getImageData(0, 0, zw, zh);
    const px = layer.data;
    for (let i = 0; i < px.length; i += 4) {
      px[i] = d.ink[0];
      px[i + 1] = d.ink[1];
      px[i + 2] = d.ink[2];
      px[i + 3] = (px[i + 3] ?? 0) >= 128 ? 255 : 0;
    }
    m.putImageData(layer, 0, 0);
  }
  card.imageSmoothingEnabled = d.rasterFilter !== 'nearest';
  if (
    d.rasterFilter !== 'nearest' &&
    d.rasterFilter !== 'threshold' &&
    d.rasterFilter !== 'canvas'
  ) {
    card.imageSmoothingQuality = d.rasterFilter;
  }
  card.drawImage(mask, zx, zy, zw, zh);
  card.restore();
}

/** The card's (or page's) outline; ID-1 cards have 3.18 mm corner radii (ISO/IEC 7810). */
function outline(ctx: SKRSContext2D, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(r, 0);
  ctx.arcTo(w, 0, w, h, r);
  ctx.arcTo(w, h, 0, h, r);
  ctx.arcTo(0, h, 0, 0, r);
  ctx.arcTo(0, 0, w, 0, r);
  ctx.closePath();
}

/** Photo / fingerprint / code box and the visual zone beside it, above the MRZ. */
function drawVisualZone(
  ctx: SKRSContext2D,
  doc: VariedDocument,
  w: number,
  zoneBottom: number,
  random: () => number,
): void {
  const room = zoneBottom - 6;
  let kind: BoxKind = 'portrait';
  let box: Box;
  if (doc.kind === 'td3-passport') box = { x: 6, y: 12, w: 32, h: Math.min(42, room - 8) };
  else {
    // A CCCD's back has fingerprints (2021) or a code (2024); other cards vary.
    const roll = random();
    kind = roll < 0.45 ? 'fingerprints' : roll < 0.8 ? 'code' : 'portrait';
    box =
      kind === 'fingerprints'
        ? { x: w - 38, y: 4, w: 34, h: Math.min(21, room) }
        : { x: 4, y: 5, w: 19, h: kind === 'code' ? 19 : Math.min(24, room) };
  }
  drawBox(ctx, kind, box, random);
  const textLeft = box.x < w / 2 ? box.x + box.w + 3 : 4;
  const textRight = box.x < w / 2 ? w - 3 : box.x - 2;
  const text: Box = { x: textLeft, y: 3, w: textRight - textLeft, h: zoneBottom - 5 };
  drawVisualText(ctx, doc, text, random);
  if (doc.kind === 'cccd-td1' && random() < 0.6) drawSeal(ctx, text, random);
}

/** Renders the document, drawing every condition from `random` in a fixed order. */
export function renderVariedCard(doc: VariedDocument, random: () => number): RenderedCard {
  const td3 = doc.kind === 'td3-passport';
  const widthMm = td3 ? 125 : 85.6;
  const heightMm = td3 ? 88 : 54;
  const pxPerMm = between(random, 12, 22);
  const canvas = createCanvas(Math.round(widthMm * pxPerMm), Math.round(heightMm * pxPerMm));
  const ctx = canvas.getContext('2d');
  const { face, boldPx } = drawFace(random);
  const pitch = 2.54 * between(random, 0.96, 1.04);
  const cap = between(random, 2.0, 2.6);
  const spacing = between(random, 4.0, 4.6);
  const n = doc.lines[0]?.length ?? 0;
  const bottom = heightMm - between(random, td3 ? 5.5 : 5, td3 ? 8 : 7.5);
  const slack = (widthMm - n * pitch) / 2;
  const x0 = Math.min(Math.max(slack + between(random, -1.2, 1.2), 1.5), 2 * slack - 1.5);
  const centres = doc.lines.map((_, i) => bottom - (doc.lines.length - 1 - i) * spacing);
  const mrzTop = (centres[0] ?? 0) - cap / 2 - 2.5;

  ctx.scale(pxPerMm, pxPerMm);
  outline(ctx, widthMm, heightMm, td3 ? between(random, 0, 2) : 3.18);
  ctx.clip();
  drawBaseGradient(ctx, widthMm, heightMm, random);
  const above: Box = { x: 0, y: 0, w: widthMm, h: mrzTop };
  for (let k = 1 + Math.floor(random() * 4); k > 0; k--)
    drawWaves(ctx, above, random, [0.08, 0.35]);
  for (let k = Math.floor(random() * 4); k > 0; k--) drawRosette(ctx, above, random, [0.1, 0.4]);
  const patternInMrz = random() < 0.3;
  if (patternInMrz) {
    const zone: Box = { x: 0, y: mrzTop, w: widthMm, h: heightMm - mrzTop };
    if (random() < 0.6) drawWaves(ctx, zone, random, [0.06, 0.25]);
    else drawRosette(ctx, zone, random, [0.06, 0.25]);
  }
  drawVisualZone(ctx, doc, widthMm, mrzTop, random);

  const grey = between(random, 5, 70);
  const tint = random() < 0.25;
  const channel = (): number =>
    Math.round(Math.min(255, Math.max(0, grey + (tint ? between(random, -20, 20) : 0))));
  const ink: readonly [number, number, number] = [channel(), channel(), channel()];
  const raster = pick<Raster>(random, ['1x', '1x', '1x-aliased', '2x', '2x', '3x']);
  const rasterFilter: RasterFilter =
    raster === '1x'
      ? 'canvas'
      : raster === '1x-aliased'
        ? 'threshold'
        : pick<RasterFilter>(random, ['nearest', 'low', 'medium', 'high']);
  const glyphJitterMm = random() < 0.5 ? 0 : between(random, 0.01, 0.06);
  const draw: CardDraw = {
    font: face.name,
    bold: boldPx > 0,
    boldPx,
    raster,
    rasterFilter,
    pxPerMm,
    pitchMm: pitch,
    capHeightMm: cap,
    lineSpacingMm: spacing,
    glyphJitterMm,
    ink,
    patternInMrz,
  };
  printMrz(ctx, doc.lines, { x0, centres, pitch, cap }, face, draw, random);
  return { canvas, widthMm, heightMm, draw };
}
