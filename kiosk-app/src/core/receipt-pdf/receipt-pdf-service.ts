import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { renderReceiptPdf } from './receipt-pdf-document';
import type { ReceiptPdfGateway } from './receipt-pdf-gateway';
import { ReceiptPdfOutbox } from './receipt-pdf-outbox';
import type { ReceiptPdfQueue } from './signed-receipt-printer';
import type { ReceiptSigningSettings, SigningConfig } from './signing-config';
import { readSigningConfig } from './signing-settings';
import { verifyReceiptPdf, type ReceiptSignatureVerdict } from './verify-receipt-pdf';

/** Debian's Noto Sans (fonts-noto-core): Vietnamese glyphs, embedded in every receipt PDF. */
export const DEFAULT_RECEIPT_FONT = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

/** How often receipts that wait for the token are tried again. */
const RETRY_MS = 60_000;

/** The centre's signing key as the core uses it: read at each attempt, named in the PDF. */
export interface ReceiptSigningSource {
  /** The token's settings with the PIN, read at each attempt (a corrected PIN file counts). */
  readonly config: () => Promise<SigningConfig>;
  readonly signerName: string;
  readonly location: string;
  /** The centre's CA certificates (DER) receipt signatures are checked against. */
  readonly trusted?: readonly Uint8Array[];
}

/** The certificates of a PEM file, as DER; a block that is no certificate is an error. */
export function certificatesOfPem(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
}

/** The configuration's `receiptSigning` section as a signing source (PIN from its file). */
export function configuredSigningSource(settings: ReceiptSigningSettings): ReceiptSigningSource {
  const trusted = settings.caCertificateFile
    ? certificatesOfPem(readFileSync(settings.caCertificateFile, 'utf8'))
    : undefined;
  return {
    config: () => readSigningConfig(settings),
    signerName: settings.signerName,
    location: settings.location,
    ...(trusted ? { trusted } : {}),
  };
}

/**
 * The status lookup's check of the receipt the portal keeps: its signature against the centre's
 * CA. No verdict when the portal has no receipt or cannot be reached (the status still shows).
 */
export function receiptSignatureChecker(
  portal: ReceiptPdfGateway,
  trusted: readonly Uint8Array[],
): (code: string) => Promise<ReceiptSignatureVerdict | undefined> {
  return async (code) => {
    const found = await portal.fetch(code);
    return found.kind === 'found' ? verifyReceiptPdf(found.pdf, trusted) : undefined;
  };
}

export interface ReceiptPdfService {
  readonly outbox: ReceiptPdfOutbox;
  /** Where printed receipts go: signed at once when the token is there, then sent. */
  readonly queue: ReceiptPdfQueue;
  stop(): void;
}

/**
 * The receipt PDF outbox under `<dataDir>/receipt-pdf`, with a timer that signs what waited for
 * the token and sends to the portal what it does not have yet. The font is read once here: a
 * kiosk without it logs why and signs nothing.
 */
export function startReceiptPdfService(options: {
  readonly dataDir: string;
  readonly source: ReceiptSigningSource;
  readonly logger: Logger;
  /** The one-stop portal's receipt endpoint; without it signed receipts stay on the kiosk. */
  readonly portal?: ReceiptPdfGateway;
  readonly fontFile?: string;
}): ReceiptPdfService | undefined {
  const { source, logger } = options;
  let fontBytes: Uint8Array;
  try {
    fontBytes = new Uint8Array(readFileSync(options.fontFile ?? DEFAULT_RECEIPT_FONT));
  } catch {
    logger.error('receipt-pdf.font-missing', { font: options.fontFile ?? DEFAULT_RECEIPT_FONT });
    return undefined;
  }
  const outbox = new ReceiptPdfOutbox({
    folder: path.join(options.dataDir, 'receipt-pdf'),
    signing: source.config,
    render: (content) =>
      renderReceiptPdf(content, {
        fontBytes,
        signerName: source.signerName,
        location: source.location,
        createdAt: new Date(),
      }),
    logger,
  });
  const { portal } = options;
  const deliver = async (): Promise<void> => {
    if (portal) await outbox.deliverSigned(portal);
  };
  const logFailure = (error: unknown): void => {
    logger.error('receipt-pdf.retry-failed', {
      reason: error instanceof Error ? error.message : String(error),
    });
  };
  const timer = setInterval(() => {
    outbox.signPending().then(deliver).catch(logFailure);
  }, RETRY_MS);
  timer.unref();
  const queue: ReceiptPdfQueue = {
    has: (code) => outbox.has(code),
    enqueue: async (content) => {
      await outbox.enqueue(content);
      await deliver().catch(logFailure);
    },
  };
  return { outbox, queue, stop: () => clearInterval(timer) };
}
