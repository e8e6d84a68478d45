import { parseDossierCode, type DossierCode } from './dossier-code-format';
import { QrError } from '@kiosk/id-card/qr';

/**
 * The QR on our own receipts. Two forms, both parsed:
 *
 * - `https://<host>/<path>/tra-cuu?ma=<dossier code>` when the site has a public lookup page, so
 *   the citizen's phone opens the status page and the kiosk reads the code from the same QR;
 * - `KIOSK1|<dossier code>` when there is no public page (the `1` versions the format).
 */
export const RECEIPT_QR_PREFIX = 'KIOSK1|';
const LOOKUP_PATH = /\/tra-cuu\/?$/;

export interface ReceiptQrData {
  readonly form: 'url' | 'plain';
  readonly dossier: DossierCode;
}

/** Builds the receipt payload; with `lookupUrl` (e.g. `https://dvc.example.vn/tra-cuu`) a URL. */
export function formatReceiptQr(dossierCode: string, lookupUrl?: string): string {
  const dossier = parseDossierCode(dossierCode);
  if (!lookupUrl) return `${RECEIPT_QR_PREFIX}${dossier.code}`;
  const url = new URL(lookupUrl);
  if (!LOOKUP_PATH.test(url.pathname)) throw new RangeError('the lookup URL must end in /tra-cuu');
  url.searchParams.set('ma', dossier.code);
  return url.toString();
}

export function isReceiptQrShape(text: string): boolean {
  const t = text.trim();
  if (t.startsWith(RECEIPT_QR_PREFIX)) return true;
  try {
    const url = new URL(t);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && LOOKUP_PATH.test(url.pathname)
    );
  } catch {
    return false;
  }
}

export function parseReceiptQr(text: string): ReceiptQrData {
  const t = text.trim();
  if (t.startsWith(RECEIPT_QR_PREFIX)) {
    return { form: 'plain', dossier: parseDossierCode(t.slice(RECEIPT_QR_PREFIX.length)) };
  }
  if (!isReceiptQrShape(t)) throw new QrError('QR_FORMAT', 'not a receipt QR of this kiosk');
  const code = new URL(t).searchParams.get('ma');
  if (!code)
    throw new QrError('QR_DOSSIER_CODE', 'the receipt URL has no ma= parameter', 'dossierCode');
  return { form: 'url', dossier: parseDossierCode(code) };
}
