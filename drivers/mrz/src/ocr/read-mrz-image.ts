import { correctMrz, type MrzCorrection } from '../codec/correct-mrz';
import type { MrzDocument } from '../codec/mrz-document';
import { isMrzError, MrzError } from '../codec/mrz-error';
import type { ParseMrzOptions } from '../codec/parse-mrz';
import { TD1 } from '../codec/layouts';
import { positionClasses } from '../codec/position-classes';
import { alignOcrToCells, type CellExpectation } from './align-ocr';
import { chevronCells } from './chevron-cells';
import { grayToPng, loadGrayImage, type GrayImage } from './gray-image';
import { crop } from './image-ops';
import { mrzBandCandidates, type MrzBand } from './mrz-band';
import { readBandWithTemplates } from './template-reader';
import { isVietnameseNameShape } from './vietnamese-name-shape';
import { cleanOcrLine, fitLength } from './ocr-lines';
import type { TextRecognizer } from './tesseract-engine';

export type MrzImageReading =
  | {
      readonly ok: true;
      readonly document: MrzDocument;
      readonly corrections: readonly MrzCorrection[];
      /** What tesseract read, fitted to length: the uncorrected baseline. */
      readonly rawLines: readonly string[];
      /** The text placed on the character cells, before check-digit correction. */
      readonly cellLines: readonly string[];
      /** Which reader produced the document. */
      readonly engine: MrzOcrEngine;
    }
  | {
      readonly ok: false;
      readonly error: MrzError;
      readonly rawLines: readonly string[];
      readonly cellLines: readonly string[];
      readonly engine?: MrzOcrEngine;
    };

/** `ocrb-templates`: glyph cells matched against OCR-B; `tesseract`: the fallback line reader. */
export type MrzOcrEngine = 'ocrb-templates' | 'tesseract';

/**
 * Characters per line from the line's shape: OCR-B at the ICAO pitch is about as wide per
 * character as the line is tall (9303-3 §4.2.2), so width ÷ height ≈ characters × this factor.
 */
const WIDTH_PER_CHAR_HEIGHT = 0.8;

function cellsFor(lineCount: number, width: number, height: number): number {
  if (lineCount === 3) return 30;
  const estimate = width / (height * WIDTH_PER_CHAR_HEIGHT);
  return Math.abs(estimate - 36) < Math.abs(estimate - 44) ? 36 : 44;
}

/** The first line as read (a junk character or two before it is common at the card edge). */
function looksLikeCccd(firstLine: string): boolean {
  return /^.{0,3}[I1]DVNM/.test(firstLine);
}

/**
 * Filler cells: those the image shows as chevrons, those the CCCD profile fixes as fillers, and
 * on the name line everything after the end of the secondary identifier (9303-3 §4.6.3: once a
 * `<<` follows the given names, only fillers remain).
 */
function knownFillers(
  seen: readonly boolean[],
  lineCount: number,
  lineIndex: number,
  firstLine: string,
): boolean[] {
  const fillers = [...seen];
  if (lineCount === 3) {
    const probe = [looksLikeCccd(firstLine) ? 'IDVNM' : '', '', ''];
    const classes = positionClasses(TD1, probe)[lineIndex] ?? [];
    classes.forEach((c, i) => {
      if (c === 'filler') fillers[i] = true;
    });
  }
  if (lineIndex === lineCount - 1) {
    const pairs: number[] = [];
    for (let i = 0; i + 1 < fillers.length; i++) {
      if (fillers[i] && fillers[i + 1] && !fillers[i - 1]) pairs.push(i);
    }
    const end = pairs[1];
    if (end !== undefined) for (let i = end; i < fillers.length; i++) fillers[i] = true;
  }
  return fillers;
}

/**
 * Digit-only cells of a TD1 line, from the layout (and the CCCD profile once line 1 shows
 * `IDVNM`), so the alignment keeps digits in digit cells.
 */
function cellExpectations(
  lineCount: number,
  lineIndex: number,
  firstLine: string,
): CellExpectation[] {
  if (lineCount !== 3) return [];
  const probe = [looksLikeCccd(firstLine) ? 'IDVNM' : '', '', ''];
  const classes = positionClasses(TD1, probe)[lineIndex] ?? [];
  return classes.map((c) =>
    c === 'digit' ? 'digit' : c === 'alphaOrFiller' || c === 'alpha' ? 'letter' : 'any',
  );
}

/**
 * One image (a file, encoded bytes, or a decoded camera frame) → a validated MRZ or an error.
 * The band's glyph cells are matched against OCR-B templates first (each candidate band in
 * turn); tesseract (when a recognizer is given) reads the first band only when no candidate's
 * glyphs form a fixed-pitch grid.
 */
export async function readMrzFromImage(
  source: Buffer | string | GrayImage,
  recognizer: TextRecognizer | undefined,
  options: ParseMrzOptions = {},
): Promise<MrzImageReading> {
  const gray =
    typeof source === 'string' || Buffer.isBuffer(source) ? await loadGrayImage(source) : source;
  // Candidates in order; a wrong group of lines (a noisy table taken for a line) cannot pass
  // every check digit, so the first reading that validates is the MRZ. Otherwise the first
  // candidate that held glyphs tells why it was refused.
  let first: MrzBand | undefined;
  let refusal: { error: MrzError; glyphLines: readonly string[] } | undefined;
  for (const band of mrzBandCandidates(gray)) {
    if (band.lines.length < 2) continue;
    first ??= band;
    const templated = readBandWithTemplates(band, options);
    if (templated.ok) {
      const { document, corrections, glyphLines } = templated.reading;
      return {
        ok: true,
        document,
        corrections,
        rawLines: glyphLines,
        cellLines: glyphLines,
        engine: 'ocrb-templates',
      };
    }
    if (templated.error.code !== 'MRZ_OCR_NOT_FOUND') refusal ??= templated;
  }
  if (!first) {
    return {
      ok: false,
      error: new MrzError('MRZ_OCR_NOT_FOUND', 'no MRZ band found in the image'),
      rawLines: [],
      cellLines: [],
    };
  }
  if (refusal || !recognizer) {
    const why = refusal ?? {
      error: new MrzError('MRZ_OCR_NOT_FOUND', 'the MRZ glyphs do not form a fixed-pitch line'),
      glyphLines: [],
    };
    return {
      ok: false,
      error: why.error,
      rawLines: why.glyphLines,
      cellLines: why.glyphLines,
      engine: 'ocrb-templates',
    };
  }
  return readBandWithTesseract(first, recognizer, options);
}

/** The tesseract line reader: chevron cells, alignment onto cells, check-digit correction. */
export async function readBandWithTesseract(
  band: MrzBand,
  recognizer: TextRecognizer,
  options: ParseMrzOptions = {},
): Promise<MrzImageReading> {
  const rawLines: string[] = [];
  const aligned: string[] = [];
  // All lines hold the same number of characters; a line much wider than the others has picked
  // up something beside it (a card edge), so it is cut to the typical width. Lines keep their
  // own extent otherwise: a keystoned photo makes lower lines wider.
  const widths = band.lines.map((l) => l.right - l.left).sort((a, b) => a - b);
  const typical = widths[Math.floor((widths.length - 1) / 2)] ?? 0;
  let lineIndex = 0;
  let firstText: string | undefined;
  for (const found of band.lines) {
    const line =
      found.right - found.left > typical * 1.08 ? { ...found, right: found.left + typical } : found;
    // A small margin: enough for tesseract to see whole glyphs, too little to catch the card edge.
    const margin = Math.round((line.bottom - line.top) * 0.3);
    const side = Math.round((line.bottom - line.top) * 0.2);
    const rectangle = {
      left: Math.max(0, line.left - side),
      top: Math.max(0, line.top - margin),
      width: Math.min(band.image.width, line.right + side) - Math.max(0, line.left - side),
      height: Math.min(band.image.height, line.bottom + margin) - Math.max(0, line.top - margin),
    };
    const lineImage = crop(
      band.image,
      rectangle.left,
      rectangle.top,
      rectangle.width,
      rectangle.height,
    );
    const text = cleanOcrLine(await recognizer.recognize(await grayToPng(lineImage)));
    firstText ??= text;
    const expect = cellExpectations(band.lines.length, lineIndex++, firstText);
    const cells = cellsFor(band.lines.length, line.right - line.left, line.bottom - line.top);
    rawLines.push(fitLength(text, cells));
    const fillers = knownFillers(
      chevronCells(band.image, line, cells),
      band.lines.length,
      lineIndex - 1,
      firstText ?? text,
    );
    aligned.push(alignOcrToCells(text, fillers, expect));
  }
  try {
    const { document, corrections } = correctMrz(aligned, options);
    if (
      document.personalId !== undefined &&
      !isVietnameseNameShape(`${document.surname} ${document.givenNames}`)
    ) {
      throw new MrzError(
        'MRZ_AMBIGUOUS',
        'the name line does not read as a Vietnamese name; not guessing',
        {
          line: 2,
          field: 'name',
        },
      );
    }
    return {
      ok: true,
      document,
      corrections,
      rawLines,
      cellLines: aligned,
      engine: 'tesseract',
    };
  } catch (error) {
    if (isMrzError(error))
      return { ok: false, error, rawLines, cellLines: aligned, engine: 'tesseract' };
    throw error;
  }
}
