import { createCanvas } from '@napi-rs/canvas';
import { pick } from '../citizens/seeded-random';
import { homographyFrom, type Rgba } from './image-warp';
import type { RenderedCard } from './varied-card';
import {
  addSensorNoise,
  applyLighting,
  gaussianBlur,
  motionBlur,
  rgbaFromRgb,
  rgbFromRgba,
  warpOnto,
  type Lighting,
} from './varied-pixels';
import { drawShadow, drawTable, type TableKind } from './varied-table';

/**
 * A camera's photo of the rendered document: frame size, framing, pose, light, focus, shake,
 * sensor noise and compression are each drawn from wide ranges (see README.md), so a reader
 * tuned on these photos has seen the conditions a kiosk camera meets rather than one of them.
 */
export interface CameraDraw {
  readonly frame: readonly [number, number];
  /** Width of the document's bounding box in the frame / frame width. */
  readonly docWidthShare: number;
  readonly rotationDeg: number;
  /** Perspective: the right edge taller than the left by 2·tiltX (a pan), likewise tiltY. */
  readonly tiltX: number;
  readonly tiltY: number;
  readonly table: TableKind;
  /** Light gain at the two ends of the gradient across the frame. */
  readonly light: readonly [number, number];
  readonly vignette: number;
  readonly whiteBalance: readonly [number, number, number];
  /** Glare spot strength (share of full white at its centre); 0 when there is none. */
  readonly glare: number;
  readonly defocusSigma: number;
  readonly motionPx: number;
  readonly motionAngleDeg: number;
  /** Read noise σ in grey levels; shot noise variance is 0.1·noise × signal. */
  readonly noise: number;
  readonly jpegQuality?: number;
}

export interface Photo {
  readonly format: 'png' | 'jpeg';
  readonly image: Buffer;
  readonly draw: CameraDraw;
}

const between = (random: () => number, lo: number, hi: number): number => lo + random() * (hi - lo);
const even = (n: number): number => 2 * Math.round(n / 2);

/** 4:3, 3:2 or 16:9, width chosen so the frame lies within 1024×768 … 1920×1080. */
function drawFrame(random: () => number): [number, number] {
  const [aspect, lo, hi] = pick(random, [
    [4 / 3, 1024, 1440],
    [3 / 2, 1152, 1620],
    [16 / 9, 1366, 1920],
  ] as const);
  const width = even(between(random, lo, hi));
  return [width, Math.min(1080, Math.max(768, even(width / aspect)))];
}

/** The document's corners (card px, centred) after tilt and rotation, at unit scale. */
function pose(w: number, h: number, tiltX: number, tiltY: number, rad: number): [number, number][] {
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x = 0, y = 0]) => {
    // Nearer edges look longer: x spreads with y (tiltY), y with x (tiltX).
    const px = x * (1 + (tiltY * 2 * y) / h);
    const py = y * (1 + (tiltX * 2 * x) / w);
    return [px * Math.cos(rad) - py * Math.sin(rad), px * Math.sin(rad) + py * Math.cos(rad)];
  });
}

/** The card canvas as straight-alpha RGBA at about the size it will have in the frame. */
function cardSource(card: RenderedCard, scale: number): Rgba {
  // Skia's mipmapped downscale first, so the bilinear warp never skips over thin strokes.
  const factor = scale < 0.85 ? Math.min(1, scale * 1.15) : 1;
  const w = Math.round(card.canvas.width * factor);
  const h = Math.round(card.canvas.height * factor);
  const canvas = createCanvas(w + 2, h + 2); // a transparent 1 px border for the warp's edges
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(card.canvas, 1, 1, w, h);
  return { width: w + 2, height: h + 2, data: ctx.getImageData(0, 0, w + 2, h + 2).data };
}

export async function photograph(card: RenderedCard, random: () => number): Promise<Photo> {
  const frame = drawFrame(random);
  const [fw, fh] = frame;
  const rotationDeg = between(random, -5, 5);
  const tiltX = between(random, -0.08, 0.08);
  const tiltY = between(random, -0.08, 0.08);
  const { width: cw, height: ch } = card.canvas;
  const unit = pose(cw, ch, tiltX, tiltY, (rotationDeg * Math.PI) / 180);
  const xs = unit.map(([x]) => x);
  const ys = unit.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  // Wholly in frame with a 1 % margin: the height may cap the share below 95 %.
  const maxShare = Math.min(0.95, (0.98 * fh * (maxX - minX)) / ((maxY - minY) * fw));
  if (maxShare < 0.5) throw new Error('the document cannot fill half the frame');
  const docWidthShare = between(random, 0.5, maxShare);
  const s = (docWidthShare * fw) / (maxX - minX);
  const ox = between(random, 0.01 * fw - s * minX, 0.99 * fw - s * maxX);
  const oy = between(random, 0.01 * fh - s * minY, 0.99 * fh - s * maxY);
  const corners = unit.map(([x, y]): [number, number] => [ox + s * x, oy + s * y]);

  const table = createCanvas(fw, fh);
  const tctx = table.getContext('2d');
  const tableKind = drawTable(tctx, fw, fh, random);
  drawShadow(tctx, corners, random);
  let photo = rgbFromRgba(tctx.getImageData(0, 0, fw, fh).data, fw, fh);
  const src = cardSource(card, s);
  const [sw, sh] = [src.width - 2, src.height - 2];
  const srcCorners: [number, number][] = [
    [1, 1],
    [1 + sw, 1],
    [1 + sw, 1 + sh],
    [1, 1 + sh],
  ];
  warpOnto(photo, src, homographyFrom(corners, srcCorners), {
    x0: Math.floor(ox + s * minX) - 1,
    y0: Math.floor(oy + s * minY) - 1,
    x1: Math.ceil(ox + s * maxX) + 1,
    y1: Math.ceil(oy + s * maxY) + 1,
  });

  const glareOn = random() < 0.25;
  const lighting: Lighting = {
    from: between(random, 0.6, 1.05),
    to: between(random, 0.8, 1.15),
    angle: random() * Math.PI * 2,
    vignette: between(random, 0, 0.45),
    whiteBalance: [
      between(random, 0.9, 1.1),
      between(random, 0.95, 1.05),
      between(random, 0.88, 1.1),
    ],
    glare: glareOn
      ? {
          x: ox + s * between(random, minX, maxX),
          y: oy + s * between(random, minY, maxY),
          radius: between(random, 0.04, 0.2) * fw,
          strength: between(random, 0.25, 0.7),
        }
      : undefined,
  };
  applyLighting(photo, lighting);
  const defocusSigma = between(random, 0, 2);
  photo = gaussianBlur(photo, defocusSigma);
  const motionPx = random() < 0.4 ? between(random, 1, 7) : 0;
  const motionAngleDeg = random() * 180;
  photo = motionBlur(photo, motionPx, (motionAngleDeg * Math.PI) / 180);
  const noise = between(random, 0.5, 6);
  addSensorNoise(photo, noise, 0.1 * noise, Math.floor(random() * 2 ** 32));

  const jpegQuality = random() < 0.7 ? Math.round(between(random, 35, 92)) : undefined;
  const out = createCanvas(fw, fh);
  const octx = out.getContext('2d');
  const pixels = octx.createImageData(fw, fh);
  pixels.data.set(rgbaFromRgb(photo));
  octx.putImageData(pixels, 0, 0);
  const image =
    jpegQuality === undefined ? await out.encode('png') : await out.encode('jpeg', jpegQuality);
  return {
    format: jpegQuality === undefined ? 'png' : 'jpeg',
    image,
    draw: {
      frame,
      docWidthShare,
      rotationDeg,
      tiltX,
      tiltY,
      table: tableKind,
      light: [lighting.from, lighting.to],
      vignette: lighting.vignette,
      whiteBalance: lighting.whiteBalance,
      glare: lighting.glare?.strength ?? 0,
      defocusSigma,
      motionPx,
      motionAngleDeg: motionPx > 0 ? motionAngleDeg : 0,
      noise,
      jpegQuality,
    },
  };
}
