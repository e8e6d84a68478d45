import type { SKRSContext2D } from '@napi-rs/canvas';
import { pick } from '../citizens/seeded-random';

/**
 * What the document lies on in the photo: a wooden desk, a speckled laminate, a cloth or a
 * plain surface, in random colours, and the document's soft shadow. Texture gives a reader's
 * document finder something to reject, unlike the flat fill of the plain corpus.
 */
export type TableKind = 'wood' | 'speckle' | 'cloth' | 'plain';

const between = (random: () => number, lo: number, hi: number): number => lo + random() * (hi - lo);

const colour = (random: () => number, hue: number, sat: number, light: number, a = 1): string =>
  `hsla(${hue.toFixed(0)}, ${sat.toFixed(0)}%, ${light.toFixed(0)}%, ${a.toFixed(3)})`;

export function drawTable(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  random: () => number,
): TableKind {
  const kind = pick<TableKind>(random, ['wood', 'wood', 'speckle', 'cloth', 'plain']);
  const hue = kind === 'wood' ? between(random, 18, 42) : random() * 360;
  const sat = kind === 'wood' ? between(random, 30, 60) : between(random, 0, 35);
  const light = kind === 'cloth' ? between(random, 8, 35) : between(random, 20, 85);
  ctx.fillStyle = colour(random, hue, sat, light);
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  if (kind === 'wood') {
    // Grain: long gently waving strokes, darker and lighter than the base, at one angle.
    ctx.translate(width / 2, height / 2);
    ctx.rotate(between(random, -0.4, 0.4) + (random() < 0.5 ? 0 : Math.PI / 2));
    const reach = width + height;
    for (let k = 0; k < 140; k++) {
      const y = between(random, -reach / 2, reach / 2);
      const amp = between(random, 2, 20);
      const wave = between(random, 200, 900);
      ctx.strokeStyle = colour(
        random,
        hue,
        sat,
        light + between(random, -15, 12),
        between(random, 0.05, 0.25),
      );
      ctx.lineWidth = between(random, 1, 7);
      ctx.beginPath();
      for (let x = -reach / 2; x <= reach / 2; x += 24) {
        ctx.lineTo(x, y + amp * Math.sin((x / wave) * 2 * Math.PI + k));
      }
      ctx.stroke();
    }
  } else if (kind === 'speckle') {
    for (let k = 0; k < 4000; k++) {
      ctx.fillStyle = colour(
        random,
        hue,
        sat,
        light + between(random, -25, 25),
        between(random, 0.2, 0.7),
      );
      const size = between(random, 1, 3.5);
      ctx.fillRect(random() * width, random() * height, size, size);
    }
  } else if (kind === 'cloth') {
    // A weave: fine crossing lines, slightly lighter than the dark base.
    const step = between(random, 3, 7);
    ctx.strokeStyle = colour(random, hue, sat, light + 12, between(random, 0.06, 0.18));
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = 0; x <= width; x += step) {
      ctx.moveTo(x, 0);
      ctx.lineTo(x, height);
    }
    for (let y = 0; y <= height; y += step) {
      ctx.moveTo(0, y);
      ctx.lineTo(width, y);
    }
    ctx.stroke();
  }
  ctx.restore();
  // Large soft blotches: any surface is lit and worn unevenly.
  for (let k = 0; k < 4; k++) {
    const x = random() * width;
    const y = random() * height;
    const r = between(random, 0.2, 0.7) * width;
    const blotch = ctx.createRadialGradient(x, y, 0, x, y, r);
    blotch.addColorStop(
      0,
      colour(random, hue, sat, random() < 0.5 ? 95 : 5, between(random, 0.04, 0.15)),
    );
    blotch.addColorStop(1, 'rgba(0, 0, 0, 0)');
    ctx.fillStyle = blotch;
    ctx.fillRect(0, 0, width, height);
  }
  return kind;
}

/**
 * The document's shadow on the table. Canvas draws a shape's shadow where asked, so the shape
 * is drawn far off-canvas and only its shadow is offset back under the document.
 */
export function drawShadow(
  ctx: SKRSContext2D,
  corners: ReadonlyArray<readonly [number, number]>,
  random: () => number,
): void {
  const away = 100_000;
  ctx.save();
  ctx.shadowColor = `rgba(0, 0, 0, ${between(random, 0.2, 0.6).toFixed(3)})`;
  ctx.shadowBlur = between(random, 3, 30);
  ctx.shadowOffsetX = away + between(random, -12, 12);
  ctx.shadowOffsetY = between(random, -4, 16);
  ctx.fillStyle = '#000';
  ctx.beginPath();
  for (const [x, y] of corners) ctx.lineTo(x - away, y);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}
