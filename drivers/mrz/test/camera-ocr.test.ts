import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMrzCorpus, type MrzCorpusImage } from '@kiosk/test-fixtures/mrz-corpus';
import {
  createTesseractRecognizer,
  loadGrayImage,
  MrzFrameVoter,
  readMrzFromImage,
  type TextRecognizer,
} from '../src/ocr';

/**
 * Camera OCR end to end on a few generated corpus images: band location, OCR-B template
 * matching per glyph cell, and tesseract.js (npm-shipped English model, no network) as fallback. A reading
 * may be refused, never wrong.
 */
describe('camera OCR on generated MRZ images', () => {
  const today = new Date(Date.UTC(2026, 10, 28));
  let recognizer: TextRecognizer;
  const images: MrzCorpusImage[] = [];

  beforeAll(async () => {
    recognizer = await createTesseractRecognizer();
    for await (const item of generateMrzCorpus({ count: 4, seed: 424242 })) images.push(item);
  });

  afterAll(async () => {
    await recognizer?.terminate();
  });

  it('reads with OCR-B templates alone (no tesseract) or refuses; never another MRZ', async () => {
    let exact = 0;
    for (const item of images) {
      const reading = await readMrzFromImage(item.image, undefined, { today });
      if (reading.ok) {
        expect(reading.engine).toBe('ocrb-templates');
        expect(reading.document.lines).toEqual(item.lines);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(0);
  });

  it('reads the printed MRZ or refuses; never returns another one', async () => {
    let exact = 0;
    for (const item of images) {
      const reading = await readMrzFromImage(item.image, recognizer, { today });
      if (reading.ok) {
        expect(reading.document.lines).toEqual(item.lines);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(0);
  });

  it('accepts a camera reading once three frames agree', async () => {
    const voter = new MrzFrameVoter({ agreeingFrames: 3 });
    const readable = [];
    for (const item of images) {
      const reading = await readMrzFromImage(item.image, recognizer, { today });
      if (reading.ok) readable.push({ item, gray: await loadGrayImage(item.image) });
    }
    const first = readable[0];
    expect(first).toBeDefined();
    if (!first) return;
    let accepted;
    for (let frame = 0; frame < 3 && !accepted; frame++) {
      const reading = await readMrzFromImage(first.gray, recognizer, { today });
      accepted = voter.push(reading.ok ? reading.document : undefined);
    }
    expect(accepted?.lines).toEqual(first.item.lines);
  });
});
