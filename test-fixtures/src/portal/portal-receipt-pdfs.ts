import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, parseJson, readBody, sendJson } from '../registry/simulator-http';

/** `/api/ho-so/<code>/bien-nhan`: a dossier's signed receipt PDF, as base64 JSON. */
export const RECEIPT_PDF_PATH = /^\/api\/ho-so\/([^/]+)\/bien-nhan$/;

/**
 * The simulator's store of signed receipts (issue 17): the kiosk posts each receipt PDF beside
 * its dossier, and the status lookup reads it back. A receipt of a dossier the portal does not
 * have is refused with 404 (the kiosk sends it again later); posting the same code again
 * replaces it, as a re-signed receipt would.
 */
export class PortalReceiptPdfs {
  private readonly pdfs = new Map<string, string>();
  private posts = 0;

  /** The receipt PDF of `code` as stored, for tests. */
  pdfOf(code: string): Uint8Array | undefined {
    const stored = this.pdfs.get(code);
    return stored === undefined ? undefined : new Uint8Array(Buffer.from(stored, 'base64'));
  }

  postCount(): number {
    return this.posts;
  }

  /** Answers the request when it is about a receipt PDF; returns false otherwise. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    dossierExists: (code: string) => boolean,
  ): boolean {
    const match = RECEIPT_PDF_PATH.exec(path);
    if (!match?.[1]) return false;
    const code = decodeURIComponent(match[1]);
    if (req.method === 'GET') {
      const stored = this.pdfs.get(code);
      if (stored === undefined) sendJson(res, 404, { error: 'chưa có biên nhận' });
      else sendJson(res, 200, { MaHoSo: code, TepPdf: stored });
      return true;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method not allowed' });
      return true;
    }
    readBody(req)
      .then((text) => {
        this.posts += 1;
        const body = parseJson(text);
        if (!dossierExists(code)) return sendJson(res, 404, { error: 'không tìm thấy hồ sơ' });
        if (
          !isRecord(body) ||
          body.MaHoSo !== code ||
          typeof body.TepPdf !== 'string' ||
          !Buffer.from(body.TepPdf, 'base64').subarray(0, 5).equals(Buffer.from('%PDF-'))
        )
          return sendJson(res, 422, { error: 'MaHoSo and a base64 PDF in TepPdf are required' });
        this.pdfs.set(code, body.TepPdf);
        return sendJson(res, 201, { MaHoSo: code });
      })
      .catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
      });
    return true;
  }
}
