import { performance } from 'node:perf_hooks';
import type { BenchModule } from '../../../scripts/bench';
import { median, round } from '../../../scripts/stats';
import { generateMrzCorpus } from '../../../test-fixtures/src/mrz-corpus';
import { parseMrz } from '../src/codec/parse-mrz';
import { readMrzFromImage } from '../src/ocr/read-mrz-image';
import { createTesseractRecognizer } from '../src/ocr/tesseract-engine';

/**
 * Camera OCR on the generated MRZ corpus (synthetic citizens, OCR-B, distortions; fixed seed):
 * document-level exact match (every line right and every check digit valid), wrong-but-accepted
 * (a document returned that is not the one printed: must be 0), median time per image; the same
 * for tesseract's raw output parsed strictly, without our cell alignment and correction.
 */
const COUNT = Number(process.env.MRZ_BENCH_IMAGES ?? 80);
const SEED = 9303;
const TODAY = new Date(Date.UTC(2026, 10, 28));

const bench: BenchModule = {
  name: 'mrz-ocr',
  async run() {
    const recognizer = await createTesseractRecognizer();
    const ms: number[] = [];
    let exact = 0;
    let wrongAccepted = 0;
    let refused = 0;
    let rawExact = 0;
    let rawWrongAccepted = 0;
    const refusals: Record<string, number> = {};
    try {
      for await (const item of generateMrzCorpus({ count: COUNT, seed: SEED })) {
        const start = performance.now();
        const reading = await readMrzFromImage(item.image, recognizer, { today: TODAY });
        ms.push(performance.now() - start);
        const truth = item.lines.join('\n');
        if (reading.ok) {
          if (reading.document.lines.join('\n') === truth) exact++;
          else wrongAccepted++;
        } else {
          refused++;
          refusals[reading.error.code] = (refusals[reading.error.code] ?? 0) + 1;
        }
        try {
          const raw = parseMrz(reading.rawLines, { today: TODAY });
          if (raw.lines.join('\n') === truth) rawExact++;
          else rawWrongAccepted++;
        } catch {
          // refused by the strict parser
        }
      }
    } finally {
      await recognizer.terminate();
    }
    return {
      images: COUNT,
      seed: SEED,
      corrected: {
        exactMatchRate: round(exact / COUNT, 4),
        wrongButAcceptedRate: round(wrongAccepted / COUNT, 4),
        refusedRate: round(refused / COUNT, 4),
        refusals,
      },
      rawTesseract: {
        exactMatchRate: round(rawExact / COUNT, 4),
        wrongButAcceptedRate: round(rawWrongAccepted / COUNT, 4),
      },
      medianMsPerImage: round(median(ms), 1),
    };
  },
};

export default bench;
