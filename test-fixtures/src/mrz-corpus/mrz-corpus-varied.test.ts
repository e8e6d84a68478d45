import { loadImage } from '@napi-rs/canvas';
import { parseMrz } from '@kiosk/mrz';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../citizens/seeded-random';
import { generateVariedMrzCorpus, type VariedMrzImage } from './mrz-corpus-varied';
import { drawDocument } from './varied-documents';
import { loadMrzFaces } from './varied-fonts';

async function collect(seed: number, count: number): Promise<VariedMrzImage[]> {
  const all: VariedMrzImage[] = [];
  for await (const item of generateVariedMrzCorpus({ count, seed })) all.push(item);
  return all;
}

const within = (value: number, lo: number, hi: number): void => {
  expect(value).toBeGreaterThanOrEqual(lo);
  expect(value).toBeLessThanOrEqual(hi);
};

describe('varied MRZ training corpus', () => {
  // Seed 14's first three images are a CCCD, an ID card of another state and a passport.
  let first: VariedMrzImage[] = [];
  let again: VariedMrzImage[] = [];
  beforeAll(async () => {
    first = await collect(14, 3);
    again = await collect(14, 3);
  }, 120_000);

  it('gives the same bytes and metadata for the same seed', () => {
    expect(again.map((i) => i.name)).toEqual(first.map((i) => i.name));
    again.forEach((image, k) => {
      expect(image.image.equals(first[k]?.image ?? Buffer.alloc(0))).toBe(true);
      expect(image.meta).toEqual(first[k]?.meta);
    });
    expect(first.map((i) => i.meta.documentKind)).toEqual(['cccd-td1', 'td1-id', 'td3-passport']);
  });

  it('prints MRZs that parse, of the layout the document kind has', () => {
    for (const { lines, meta } of first) {
      const doc = parseMrz(lines);
      expect(doc.format).toBe(meta.documentKind === 'td3-passport' ? 'TD3' : 'TD1');
      if (meta.documentKind === 'cccd-td1') expect(doc.personalId).toMatch(/^[0-9]{12}$/);
    }
  });

  it('draws every document kind in about the stated shares, each parsing', () => {
    const counts = { 'cccd-td1': 0, 'td1-id': 0, 'td3-passport': 0 };
    const numbers: string[] = [];
    for (let i = 0; i < 400; i++) {
      const doc = drawDocument(seededRandom(1000 + i), i, undefined); // throws if it does not parse
      counts[doc.kind]++;
      if (doc.kind !== 'cccd-td1') numbers.push(parseMrz(doc.lines).documentNumber);
    }
    within(counts['cccd-td1'] / 400, 0.72, 0.88);
    within(counts['td1-id'] / 400, 0.05, 0.15);
    within(counts['td3-passport'] / 400, 0.05, 0.15);
    // Letters among the digits (`C03005988`, `L898902C3`), as other states print them.
    expect(numbers.some((n) => /[A-Z]/.test(n) && /[0-9]/.test(n))).toBe(true);
  });

  it('keeps every drawn condition within its stated range', () => {
    const faces = loadMrzFaces();
    const names = [...faces.ocrB, ...faces.mono].map((f) => f.name);
    for (const { meta, format } of first) {
      expect(names).toContain(meta.font);
      expect(meta.bold).toBe(meta.boldPx > 0);
      if (meta.bold) {
        expect(meta.font.startsWith('OCR-B')).toBe(true);
        within(meta.boldPx, 0.5, 1.2);
      }
      expect(['1x', '1x-aliased', '2x', '3x']).toContain(meta.raster);
      within(meta.pxPerMm, 12, 22);
      within(meta.pitchMm, 2.54 * 0.96, 2.54 * 1.04);
      within(meta.capHeightMm, 2.0, 2.6);
      within(meta.lineSpacingMm, 4.0, 4.6);
      meta.ink.forEach((c) => within(c, 0, 90));
      within(meta.frame[0], 1024, 1920);
      within(meta.frame[1], 768, 1080);
      within(meta.docWidthShare, 0.5, 0.95);
      within(meta.rotationDeg, -5, 5);
      within(meta.tiltX, -0.08, 0.08);
      within(meta.tiltY, -0.08, 0.08);
      within(meta.defocusSigma, 0, 2);
      if (meta.motionPx > 0) within(meta.motionPx, 1, 7);
      within(meta.motionAngleDeg, 0, 180);
      if (meta.glare > 0) within(meta.glare, 0.25, 0.7);
      within(meta.noise, 0.5, 6);
      if (format === 'jpeg') within(meta.jpegQuality ?? -1, 35, 92);
      else expect(meta.jpegQuality).toBeUndefined();
    }
  });

  it('encodes images that decode to the stated frame size and format', async () => {
    for (const { image, format, name, meta } of first) {
      const magic = format === 'png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff];
      expect([...image.subarray(0, magic.length)]).toEqual(magic);
      expect(name.endsWith(format === 'png' ? '.png' : '.jpg')).toBe(true);
      const decoded = await loadImage(image);
      expect([decoded.width, decoded.height]).toEqual([...meta.frame]);
    }
  });
});
