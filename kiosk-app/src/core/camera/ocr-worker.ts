/**
 * The camera OCR worker (a `node:worker_threads` thread): decodes one JPEG frame and reads its
 * MRZ with the OCR-B template reader, off the core's event loop so the API and the journey stay
 * responsive while a frame is read. Nothing is logged here: frames carry personal data.
 *
 * Loaded through `ocr-worker-bootstrap.mjs` under tsx, and as `camera-ocr-worker.cjs` in the
 * Electron bundle (scripts/bundle-electron.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { GrayFrameDecoder, readMrzFromImage, type GrayImage } from '@kiosk/mrz/ocr';
import type { CameraMrzReading, OcrWorkerRequest, OcrWorkerResponse } from './camera-reading';

/** One decoder for the worker's life: frames reuse its canvas and gray buffer. */
const decoder = new GrayFrameDecoder();

async function readFrame(jpeg: Uint8Array): Promise<CameraMrzReading> {
  let gray: GrayImage;
  try {
    gray = await decoder.decode(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
  } catch {
    return { kind: 'undecodable' };
  }
  // Templates only: tesseract takes far longer per frame than a camera gives (README: camera path).
  // Without a recognizer the reading is synchronous, so the next frame cannot overwrite `gray`
  // (the decoder's buffer) while this one is read.
  const reading = await readMrzFromImage(gray, undefined);
  if (!reading.ok) return { kind: 'unread', code: reading.error.code };
  return {
    kind: 'read',
    document: reading.document,
    corrections: reading.corrections.length,
    engine: reading.engine,
  };
}

const port = parentPort;
if (port) {
  port.on('message', (request: OcrWorkerRequest) => {
    readFrame(request.jpeg).then(
      (reading) =>
        port.postMessage({ seq: request.seq, ok: true, reading } satisfies OcrWorkerResponse),
      (error: unknown) =>
        port.postMessage({
          seq: request.seq,
          ok: false,
          message: error instanceof Error ? error.name : 'unknown error',
        } satisfies OcrWorkerResponse),
    );
  });
}
