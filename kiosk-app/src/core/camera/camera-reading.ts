import type { MrzDocument, MrzErrorCode } from '@kiosk/mrz';

/**
 * What the OCR worker made of one camera frame. Plain data, so it crosses the worker boundary by
 * structured clone.
 */
export type CameraMrzReading =
  | {
      readonly kind: 'read';
      /** Every check digit passed (after any OCR correction). */
      readonly document: MrzDocument;
      /** How many characters check-digit correction changed. */
      readonly corrections: number;
      readonly engine: 'ocrb-templates' | 'tesseract';
    }
  | {
      readonly kind: 'unread';
      /** Why not: `MRZ_OCR_NOT_FOUND` when no MRZ band is in view, else what failed. */
      readonly code: MrzErrorCode;
    }
  /** The bytes are not an image the decoder understands. */
  | { readonly kind: 'undecodable' };

/** A frame sent to the OCR worker (the JPEG's buffer is transferred, not copied). */
export interface OcrWorkerRequest {
  readonly seq: number;
  readonly jpeg: Uint8Array;
}

/** The worker's answer to one request. */
export type OcrWorkerResponse =
  | { readonly seq: number; readonly ok: true; readonly reading: CameraMrzReading }
  | { readonly seq: number; readonly ok: false; readonly message: string };
