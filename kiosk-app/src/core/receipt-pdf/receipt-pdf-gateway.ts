import { z } from 'zod';
import type { JsonHttpClient } from '../links/http/json-http-client';
import { postFailureOf, type PostFailure } from '../links/http/post-failure';

/** The portal's place for a dossier's signed receipt (biên nhận), beside the dossier itself. */
export function receiptPdfPath(code: string): string {
  return `api/ho-so/${encodeURIComponent(code)}/bien-nhan`;
}

/** A PDF is at most this big on the wire (a receipt is ~25 KB; base64 adds a third). */
const MAX_PDF_BYTES = 2 * 1024 * 1024;

/** Stored, or not (refused for good; or for now: down, or the dossier is not there yet). */
export type ReceiptPdfUploadResult = { readonly kind: 'stored' } | PostFailure;

export type ReceiptPdfFetchResult =
  | { readonly kind: 'found'; readonly pdf: Uint8Array }
  | { readonly kind: 'none' }
  | { readonly kind: 'unavailable'; readonly message: string };

/** The signed receipts on the one-stop portal: sent with the dossier, read by the status lookup. */
export interface ReceiptPdfGateway {
  upload(code: string, pdf: Uint8Array): Promise<ReceiptPdfUploadResult>;
  fetch(code: string): Promise<ReceiptPdfFetchResult>;
}

const receiptPdfWireSchema = z.object({
  MaHoSo: z.string().min(1),
  // Standard base64 only, and a size a receipt can have.
  TepPdf: z
    .string()
    .min(1)
    .max(Math.ceil(MAX_PDF_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

/**
 * The portal's answer carrying a receipt PDF, for dossier `code`; exported for fuzzing. Never
 * throws: anything but a base64 PDF of that dossier is `undefined`.
 */
export function interpretReceiptPdf(body: unknown, code: string): Uint8Array | undefined {
  const parsed = receiptPdfWireSchema.safeParse(body);
  if (!parsed.success || parsed.data.MaHoSo !== code) return undefined;
  const bytes = new Uint8Array(Buffer.from(parsed.data.TepPdf, 'base64'));
  // A PDF starts with its header; anything else is not a receipt.
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' ? bytes : undefined;
}

const uploadAckSchema = z.object({ MaHoSo: z.string().min(1) });

/** Receipt PDFs over HTTP to the one-stop portal, on the same client as the dossiers. */
export class HttpReceiptPdfGateway implements ReceiptPdfGateway {
  constructor(private readonly client: JsonHttpClient) {}

  async upload(code: string, pdf: Uint8Array): Promise<ReceiptPdfUploadResult> {
    try {
      const response = await this.client.send({
        method: 'POST',
        path: receiptPdfPath(code),
        body: { MaHoSo: code, TepPdf: Buffer.from(pdf).toString('base64') },
        // 404: the dossier has not reached the portal yet; the receipt waits for it.
        accept: [404],
      });
      if (response.status === 404)
        return {
          kind: 'unavailable',
          reason: 'dossier-unknown',
          message: 'the portal does not know the dossier yet',
        };
      const ack = uploadAckSchema.safeParse(response.body);
      return ack.success && ack.data.MaHoSo === code
        ? { kind: 'stored' }
        : {
            kind: 'unavailable',
            reason: 'malformed-response',
            message: 'the receipt acknowledgement does not follow the format',
          };
    } catch (error) {
      return postFailureOf(error);
    }
  }

  async fetch(code: string): Promise<ReceiptPdfFetchResult> {
    try {
      const response = await this.client.send({
        method: 'GET',
        path: receiptPdfPath(code),
        accept: [404],
      });
      if (response.status === 404) return { kind: 'none' };
      const pdf = interpretReceiptPdf(response.body, code);
      return pdf
        ? { kind: 'found', pdf }
        : { kind: 'unavailable', message: 'the receipt answer does not follow the format' };
    } catch (error) {
      return {
        kind: 'unavailable',
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
