import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CameraMrzReading, OcrWorkerResponse } from './camera-reading';

/** Reads the MRZ of one JPEG frame. The camera service needs only this; tests give a twin. */
export interface MrzFrameReader {
  read(jpeg: Uint8Array): Promise<CameraMrzReading>;
  close(): Promise<void>;
}

/** A frame the worker did not answer in this long is given up on and the worker restarted. */
const FRAME_TIMEOUT_MS = 20_000;

/**
 * The worker's file: TypeScript source through a tsx bootstrap when the core itself runs from
 * source (tests, development), the bundled sibling `camera-ocr-worker.cjs` in the Electron build,
 * and the file the bundled `kiosk` command names in KIOSK_OCR_WORKER.
 */
export function ocrWorkerUrl(
  moduleUrl: string = import.meta.url,
  bundledWorker: string | undefined = process.env.KIOSK_OCR_WORKER,
): URL {
  if (moduleUrl.endsWith('.ts')) return new URL('./ocr-worker-bootstrap.mjs', moduleUrl);
  if (bundledWorker !== undefined) return pathToFileURL(bundledWorker);
  return new URL('./camera-ocr-worker.cjs', moduleUrl);
}

interface Pending {
  readonly seq: number;
  readonly resolve: (reading: CameraMrzReading) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Camera OCR in one `node:worker_threads` worker, started on the first frame and reused. One frame
 * at a time: the caller (the camera service) answers `busy` rather than queueing. A worker that
 * dies or hangs is dropped and the next frame starts a new one.
 *
 * @example
 * const reader = new WorkerMrzFrameReader();
 * const reading = await reader.read(jpegBytes); // { kind: 'read', document, ... }
 * await reader.close();
 */
export class WorkerMrzFrameReader implements MrzFrameReader {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private seq = 0;

  constructor(private readonly url: URL = ocrWorkerUrl()) {}

  read(jpeg: Uint8Array): Promise<CameraMrzReading> {
    if (this.pending) return Promise.reject(new Error('the OCR worker is busy with another frame'));
    const worker = this.started();
    const seq = ++this.seq;
    return new Promise<CameraMrzReading>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error('the OCR worker did not answer in time'));
        void this.stopWorker();
      }, FRAME_TIMEOUT_MS);
      this.pending = { seq, resolve, reject, timer };
      const copy = new Uint8Array(jpeg);
      worker.postMessage({ seq, jpeg: copy }, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('the camera OCR was stopped'));
    await this.stopWorker();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url);
    worker.on('message', (response: OcrWorkerResponse) => {
      const pending = this.pending;
      if (!pending || pending.seq !== response.seq) return;
      this.pending = undefined;
      clearTimeout(pending.timer);
      if (response.ok) pending.resolve(response.reading);
      else pending.reject(new Error(`camera OCR failed: ${response.message}`));
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      this.fail(new Error(`the OCR worker failed: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.fail(new Error('the OCR worker exited'));
    });
    // An idle worker does not keep the core alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.reject(error);
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
