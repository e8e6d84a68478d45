import { performance } from 'node:perf_hooks';
import type { MrzCorrection } from '../codec/correct-mrz';
import type { MrzDocument } from '../codec/mrz-document';
import type { MrzError } from '../codec/mrz-error';
import type { ParseMrzOptions } from '../codec/parse-mrz';
import { readMrzFromImage } from './read-mrz-image';
import { createTesseractRecognizer } from './tesseract-engine';

export type ImageReadResult =
  | {
      readonly ok: true;
      readonly image: string;
      readonly document: MrzDocument;
      readonly corrections: readonly MrzCorrection[];
      readonly ms: number;
    }
  | { readonly ok: false; readonly image: string; readonly error: MrzError; readonly ms: number };

/** Reads each image file with one tesseract worker (`kiosk mrz ocr`). */
export async function readMrzFromImageFiles(
  images: readonly string[],
  options: ParseMrzOptions = {},
): Promise<ImageReadResult[]> {
  const recognizer = await createTesseractRecognizer();
  const results: ImageReadResult[] = [];
  try {
    for (const image of images) {
      const start = performance.now();
      const r = await readMrzFromImage(image, recognizer, options);
      const ms = Math.round(performance.now() - start);
      results.push(
        r.ok
          ? { ok: true, image, document: r.document, corrections: r.corrections, ms }
          : { ok: false, image, error: r.error, ms },
      );
    }
  } finally {
    await recognizer.terminate();
  }
  return results;
}
