import type { SKRSContext2D } from '@napi-rs/canvas';
import { pick } from '../citizens/seeded-random';
import type { VariedDocument } from './varied-documents';
import { VISUAL_FAMILIES } from './varied-fonts';

/**
 * Everything on the document that is not the MRZ, drawn in millimetres (the caller scales the
 * context to its px/mm): security-print backgrounds, a photo / fingerprint / code box, the
 * visual zone's text and a seal. These are what an MRZ reader must learn to ignore, so colours,
 * opacities and placement are all drawn at random.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const between = (random: () => number, lo: number, hi: number): number => lo + random() * (hi - lo);

/** A random colour: `light` in 0..100 (HSL lightness); saturation kept moderate, like print. */
function hsl(random: () => number, light: number, alpha = 1): string {
  const hue = Math.floor(random() * 360);
  const sat = Math.floor(between(random, 15, 70));
  return `hsla(${hue}, ${sat}%, ${light.toFixed(0)}%, ${alpha.toFixed(3)})`;
}

/** A pale gradient in 2–3 stops at a random angle: the card's base print. */
export function drawBaseGradient(
  ctx: SKRSContext2D,
  w: number,
  h: number,
  random: () => number,
): void {
  const angle = random() * Math.PI * 2;
  const dx = Math.cos(angle) * w * 0.6;
  const dy = Math.sin(angle) * h * 0.6;
  const gradient = ctx.createLinearGradient(w / 2 - dx, h / 2 - dy, w / 2 + dx, h / 2 + dy);
  const stops = random() < 0.5 ? 2 : 3;
  for (let s = 0; s < stops; s++) {
    gradient.addColorStop(s / (stops - 1), hsl(random, between(random, 80, 96)));
  }
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, w, h);
}

/** Bands of parallel sine lines (the wave pattern of security print), inside `area`. */
export function drawWaves(
  ctx: SKRSContext2D,
  area: Box,
  random: () => number,
  opacity: readonly [number, number],
): void {
  const count = Math.floor(between(random, 6, 28));
  const gap = between(random, 0.5, 2);
  const amplitude = between(random, 0.4, 3);
  const wavelength = between(random, 4, 16);
  const phaseStep = between(random, -0.6, 0.6);
  const top = area.y + random() * Math.max(0, area.h - count * gap);
  ctx.strokeStyle = hsl(random, between(random, 35, 70), between(random, ...opacity));
  ctx.lineWidth = between(random, 0.06, 0.2);
  for (let k = 0; k < count; k++) {
    ctx.beginPath();
    for (let x = area.x; x <= area.x + area.w; x += 0.5) {
      const y =
        top + k * gap + amplitude * Math.sin((x / wavelength) * 2 * Math.PI + k * phaseStep);
      if (x === area.x) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}

/** A guilloche rosette (a hypotrochoid), centred at a random point of `area`. */
export function drawRosette(
  ctx: SKRSContext2D,
  area: Box,
  random: () => number,
  opacity: readonly [number, number],
): void {
  const cx = area.x + random() * area.w;
  const cy = area.y + random() * area.h;
  const big = between(random, 6, 24);
  const small = big / Math.floor(between(random, 3, 12));
  const pen = small * between(random, 0.6, 1.8);
  ctx.strokeStyle = hsl(random, between(random, 35, 70), between(random, ...opacity));
  ctx.lineWidth = between(random, 0.05, 0.15);
  ctx.beginPath();
  const turns = Math.round(big / small);
  for (let t = 0; t <= Math.PI * 2 * turns; t += 0.02) {
    const x = cx + (big - small) * Math.cos(t) + pen * Math.cos(((big - small) / small) * t);
    const y = cy + (big - small) * Math.sin(t) - pen * Math.sin(((big - small) / small) * t);
    if (t === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/** A portrait placeholder: a light backdrop and a darker head-and-shoulders silhouette. */
function drawPortrait(ctx: SKRSContext2D, box: Box, random: () => number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  const backdrop = Math.floor(between(random, 170, 235));
  ctx.fillStyle = `rgb(${backdrop}, ${backdrop}, ${backdrop + 8})`;
  ctx.fillRect(box.x, box.y, box.w, box.h);
  const hue = Math.floor(between(random, 15, 40));
  ctx.fillStyle = `hsl(${hue}, ${Math.floor(between(random, 5, 35))}%, ${Math.floor(between(random, 15, 50))}%)`;
  ctx.beginPath();
  ctx.ellipse(
    box.x + box.w / 2,
    box.y + box.h * 0.38,
    box.w * 0.2,
    box.h * 0.18,
    0,
    0,
    Math.PI * 2,
  );
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(box.x + box.w / 2, box.y + box.h, box.w * 0.45, box.h * 0.32, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** Two framed boxes of concentric whorls, like the CCCD's fingerprints. */
function drawFingerprints(ctx: SKRSContext2D, box: Box, random: () => number): void {
  ctx.lineWidth = 0.12;
  for (let f = 0; f < 2; f++) {
    const x = box.x + (f * box.w) / 2;
    ctx.strokeStyle = 'rgba(40, 40, 40, 0.8)';
    ctx.strokeRect(x + 0.5, box.y, box.w / 2 - 1, box.h);
    ctx.strokeStyle = `rgba(30, 30, 30, ${between(random, 0.3, 0.7).toFixed(2)})`;
    for (let r = 0.6; r < box.w / 5; r += 0.45) {
      ctx.beginPath();
      ctx.ellipse(x + box.w / 4, box.y + box.h * 0.5, r, r * 1.3, random() * 0.3, 0, Math.PI * 2);
      ctx.stroke();
    }
  }
}

/** A QR-like block matrix (random modules, three finder squares), as on the 2024 card. */
function drawCode(ctx: SKRSContext2D, box: Box, random: () => number): void {
  const n = 25;
  const m = Math.min(box.w, box.h) / n;
  ctx.fillStyle = '#fff';
  ctx.fillRect(box.x, box.y, n * m, n * m);
  ctx.fillStyle = '#111';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      if (random() < 0.5) ctx.fillRect(box.x + i * m, box.y + j * m, m, m);
  }
  for (const [i, j] of [
    [0, 0],
    [n - 7, 0],
    [0, n - 7],
  ] as const) {
    ctx.fillStyle = '#111';
    ctx.fillRect(box.x + i * m, box.y + j * m, 7 * m, 7 * m);
    ctx.fillStyle = '#fff';
    ctx.fillRect(box.x + (i + 1) * m, box.y + (j + 1) * m, 5 * m, 5 * m);
    ctx.fillStyle = '#111';
    ctx.fillRect(box.x + (i + 2) * m, box.y + (j + 2) * m, 3 * m, 3 * m);
  }
}

export type BoxKind = 'portrait' | 'fingerprints' | 'code';

export function drawBox(ctx: SKRSContext2D, kind: BoxKind, box: Box, random: () => number): void {
  if (kind === 'portrait') drawPortrait(ctx, box, random);
  else if (kind === 'fingerprints') drawFingerprints(ctx, box, random);
  else drawCode(ctx, box, random);
}

/** The visual zone's lines, top to bottom inside `area`, in a Vietnamese-capable face. */
export function drawVisualText(
  ctx: SKRSContext2D,
  doc: VariedDocument,
  area: Box,
  random: () => number,
): void {
  const family = VISUAL_FAMILIES.length > 0 ? pick(random, VISUAL_FAMILIES) : 'sans-serif';
  const size = doc.kind === 'td3-passport' ? between(random, 2.2, 3.4) : between(random, 1.5, 2.6);
  const colour = pick(random, [
    'rgb(30,30,40)',
    'rgb(20,40,110)',
    'rgb(120,30,30)',
    'rgb(60,60,60)',
  ]);
  const gap = size * between(random, 1.35, 1.8);
  const shown = doc.visual.slice(0, Math.max(2, Math.floor(area.h / gap)));
  shown.forEach((text, i) => {
    ctx.font = `${i === 0 && random() < 0.5 ? 'bold ' : ''}${size.toFixed(2)}px "${family}"`;
    ctx.fillStyle = colour;
    ctx.fillText(text, area.x, area.y + size + i * gap, area.w);
  });
}

/** A round red issuing seal, half transparent, as stamped over the CCCD's signature. */
export function drawSeal(ctx: SKRSContext2D, area: Box, random: () => number): void {
  const r = between(random, 5, 8);
  const cx = area.x + r + random() * Math.max(0, area.w - 2 * r);
  const cy = area.y + r + random() * Math.max(0, area.h - 2 * r);
  ctx.strokeStyle = `rgba(200, 30, 30, ${between(random, 0.45, 0.8).toFixed(2)})`;
  ctx.lineWidth = 0.35;
  for (const rr of [r, r * 0.72]) {
    ctx.beginPath();
    ctx.arc(cx, cy, rr, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.fillStyle = ctx.strokeStyle;
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r * 0.4 : r * 0.16;
    ctx.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  ctx.fill();
}
