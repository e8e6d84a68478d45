import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../citizens/seeded-random';
import { photograph, type CameraDraw } from './varied-camera';
import { renderVariedCard, type CardDraw } from './varied-card';
import { drawDocument, type DocumentKind } from './varied-documents';
import { loadMrzFaces } from './varied-fonts';

/**
 * The varied MRZ training corpus. The plain corpus (mrz-corpus.ts) prints one card layout in
 * one OCR-B at one size, and an OCR tuned on it fails on photos that differ. Here every image
 * draws its document, face, MRZ geometry, rasterization, background and camera from wide
 * ranges (README.md lists them), so what a reader learns here carries over to photos it has
 * not seen. Training only: the held-out sets are generated and kept elsewhere, independently.
 */
export type VariedMrzMeta = { readonly documentKind: DocumentKind } & CardDraw & CameraDraw;

export interface VariedMrzImage {
  readonly name: string;
  /** The MRZ printed on the document: the ground truth (it parses with `parseMrz`). */
  readonly lines: readonly string[];
  readonly format: 'png' | 'jpeg';
  readonly image: Buffer;
  /** Every condition drawn for this image. */
  readonly meta: VariedMrzMeta;
}

export interface VariedMrzCorpusOptions {
  readonly count: number;
  readonly seed?: number;
  /** CCCDs show citizen `i` of this seed of the synthetic population (as the plain corpus). */
  readonly citizenSeed?: number;
}

/**
 * Image `i` gets its own random stream from (seed, i), so one image can be regenerated alone
 * and a change in how many draws one image makes does not shift every image after it.
 */
function imageRandom(seed: number, index: number): () => number {
  return seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

/**
 * Deterministic for a seed (on one machine: the monospaced faces are whatever fontconfig
 * lists), generated on demand; nothing is committed.
 */
export async function* generateVariedMrzCorpus(
  options: VariedMrzCorpusOptions,
): AsyncGenerator<VariedMrzImage> {
  loadMrzFaces();
  const seed = options.seed ?? 9304;
  for (let i = 0; i < options.count; i++) {
    const random = imageRandom(seed, i);
    const doc = drawDocument(random, i, options.citizenSeed);
    const card = renderVariedCard(doc, random);
    const photo = await photograph(card, random);
    yield {
      name: `varied-${String(i).padStart(3, '0')}.${photo.format === 'jpeg' ? 'jpg' : 'png'}`,
      lines: doc.lines,
      format: photo.format,
      image: photo.image,
      meta: { documentKind: doc.kind, ...card.draw, ...photo.draw },
    };
  }
}

/** One entry of `truth.json`. */
export type VariedMrzTruth = Pick<VariedMrzImage, 'name' | 'lines' | 'meta'>;

/**
 * Writes the images to `dir` with a `truth.json`: `[{ name, lines, meta }]`. Returns the truth
 * only: holding hundreds of full-HD PNGs in memory for the caller would cost gigabytes.
 */
export async function writeVariedMrzCorpus(
  dir: string,
  options: VariedMrzCorpusOptions,
): Promise<VariedMrzTruth[]> {
  await mkdir(dir, { recursive: true });
  const truth: VariedMrzTruth[] = [];
  for await (const { name, lines, meta, image } of generateVariedMrzCorpus(options)) {
    await writeFile(join(dir, name), image);
    truth.push({ name, lines, meta });
  }
  await writeFile(join(dir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}
