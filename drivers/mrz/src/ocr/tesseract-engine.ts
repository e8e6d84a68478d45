import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { MrzError } from '../codec/mrz-error';

/** The text recogniser the pipeline needs; tesseract.js in production, a stub in unit tests. */
export interface TextRecognizer {
  /** Text of the image, or of one rectangle of it (one MRZ line). */
  recognize(
    png: Buffer,
    rectangle?: { left: number; top: number; width: number; height: number },
  ): Promise<string>;
  terminate(): Promise<void>;
}

interface TesseractWorker {
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(
    image: Buffer,
    options?: { rectangle?: { left: number; top: number; width: number; height: number } },
  ): Promise<{ data: { text: string } }>;
  terminate(): Promise<unknown>;
}

interface TesseractModule {
  createWorker(
    langs: string,
    oem: number,
    options: Record<string, unknown>,
    config: Record<string, string>,
  ): Promise<TesseractWorker>;
}

/** The MRZ alphabet (ICAO 9303-3 §4.3): nothing else may come out of recognition. */
export const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
const OEM_LSTM_ONLY = 1;
/** One text line per recognition: the pipeline hands tesseract each MRZ line's rectangle. */
const PSM_SINGLE_LINE = '7';

/**
 * Where the English LSTM model ships inside the `@tesseract.js-data/eng` npm package, so
 * nothing is downloaded at run time (tesseract.js would otherwise fetch it from a CDN).
 */
export function englishLangPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/**
 * tesseract.js in its own worker thread (tesseract.js runs recognition in a Node worker), set up
 * for MRZ text: LSTM only, one line at a time, the MRZ alphabet as whitelist, dictionaries off
 * (an MRZ is not English words).
 */
export async function createTesseractRecognizer(): Promise<TextRecognizer> {
  let tesseract: TesseractModule;
  try {
    tesseract = (await import('tesseract.js')) as unknown as TesseractModule;
  } catch (error) {
    throw new MrzError('MRZ_OCR_UNAVAILABLE', 'tesseract.js is not installed', undefined, {
      cause: error,
    });
  }
  const worker = await tesseract.createWorker(
    'eng',
    OEM_LSTM_ONLY,
    { langPath: englishLangPath(), cachePath: tmpdir(), cacheMethod: 'none', gzip: true },
    { load_system_dawg: '0', load_freq_dawg: '0' },
  );
  await worker.setParameters({
    tessedit_char_whitelist: MRZ_WHITELIST,
    tessedit_pageseg_mode: PSM_SINGLE_LINE,
    user_defined_dpi: '300',
  });
  return {
    recognize: async (png, rectangle) =>
      (await worker.recognize(png, rectangle ? { rectangle } : {})).data.text,
    terminate: async () => {
      await worker.terminate();
    },
  };
}
