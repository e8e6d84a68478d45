import { performance } from 'node:perf_hooks';
import type { BenchModule } from '../../../scripts/bench';
import { median, round } from '../../../scripts/stats';
import { generateMrzCorpus } from '../../../test-fixtures/src/mrz-corpus';
import { parseMrz } from '../src/codec/parse-mrz';
import { loadGrayImage } from '../src/ocr/gray-image';
import { locateMrzBand } from '../src/ocr/mrz-band';
import { readBandWithTesseract, readMrzFromImage } from '../src/ocr/read-mrz-image';
import { createTesseractRecognizer } from '../src/ocr/tesseract-engine';

/**
 * Camera OCR on the generated MRZ corpus (synthetic citizens, OCR-B, distortions; fixed seed).
 * Three readers on the same located band:
 * - `ours`: OCR-B template matching per glyph cell, position rules and check digits (tesseract
 *   only for bands without a fixed-pitch glyph grid);
 * - `tesseractPipeline`: the previous reader, tesseract per line + chevron cells + correction;
 * - `rawTesseract`: tesseract's text fitted to length and parsed strictly, nothing else.
 * Document-level exact match (every line right), wrong-but-accepted (a document returned that is
 * not the one printed: must be 0), refusals by code, median time per image.
 */
const COUNT = Number(process.env.MRZ_BENCH_IMAGES ?? 80);
const SEED = 9303;
const TODAY = new Date(Date.UTC(2026, 10, 28));

interface Tally {
  exact: number;
  wrongAccepted: number;
  refusals: Record<string, number>;
  ms: number[];
}

const tally = (): Tally => ({ exact: 0, wrongAccepted: 0, refusals: {}, ms: [] });

function count(t: Tally, truth: string, lines: readonly string[] | undefined, code?: string): void {
  if (lines) {
    if (lines.join('\n') === truth) t.exact++;
    else t.wrongAccepted++;
  } else {
    const key = code ?? 'refused';
    t.refusals[key] = (t.refusals[key] ?? 0) + 1;
  }
}

function report(t: Tally): Record<string, unknown> {
  const refused = COUNT - t.exact - t.wrongAccepted;
  return {
    exactMatchRate: round(t.exact / COUNT, 4),
    wrongButAcceptedRate: round(t.wrongAccepted / COUNT, 4),
    refusedRate: round(refused / COUNT, 4),
    refusals: t.refusals,
    ...(t.ms.length > 0 ? { medianMsPerImage: round(median(t.ms), 1) } : {}),
  };
}

const bench: BenchModule = {
  name: 'mrz-ocr',
  async run() {
    const recognizer = await createTesseractRecognizer();
    const ours = tally();
    const tesseractPipeline = tally();
    const rawTesseract = tally();
    const fellBack = { count: 0 };
    try {
      for await (const item of generateMrzCorpus({ count: COUNT, seed: SEED })) {
        const truth = item.lines.join('\n');
        const gray = await loadGrayImage(item.image);
        let start = performance.now();
        const reading = await readMrzFromImage(gray, recognizer, { today: TODAY });
        ours.ms.push(performance.now() - start);
        if (reading.engine === 'tesseract') fellBack.count++;
        count(
          ours,
          truth,
          reading.ok ? reading.document.lines : undefined,
          reading.ok ? undefined : reading.error.code,
        );

        start = performance.now();
        const band = locateMrzBand(gray);
        const old = band
          ? await readBandWithTesseract(band, recognizer, { today: TODAY })
          : undefined;
        tesseractPipeline.ms.push(performance.now() - start);
        count(
          tesseractPipeline,
          truth,
          old?.ok ? old.document.lines : undefined,
          old ? (old.ok ? undefined : old.error.code) : 'MRZ_OCR_NOT_FOUND',
        );
        try {
          const raw = parseMrz(old?.rawLines ?? [], { today: TODAY });
          count(rawTesseract, truth, raw.lines);
        } catch {
          count(rawTesseract, truth, undefined);
        }
      }
    } finally {
      await recognizer.terminate();
    }
    return {
      images: COUNT,
      seed: SEED,
      ours: { ...report(ours), tesseractFallbacks: fellBack.count },
      tesseractPipeline: report(tesseractPipeline),
      rawTesseract: report(rawTesseract),
    };
  },
};

export default bench;
