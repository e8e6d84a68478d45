import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';
import { renderReceiptPdf } from './receipt-pdf-document';
import { ReceiptPdfOutbox } from './receipt-pdf-outbox';
import type { ReceiptSigningSettings, SigningConfig } from './signing-config';
import { readSigningConfig } from './signing-settings';

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
}

/** The configuration's `receiptSigning` section as a signing source (PIN from its file). */
export function configuredSigningSource(settings: ReceiptSigningSettings): ReceiptSigningSource {
  return {
    config: () => readSigningConfig(settings),
    signerName: settings.signerName,
    location: settings.location,
  };
}

export interface ReceiptPdfService {
  readonly outbox: ReceiptPdfOutbox;
  stop(): void;
}

/**
 * The receipt PDF outbox under `<dataDir>/receipt-pdf`, with a timer that signs what waited for
 * the token. The font is read once here: a kiosk without it logs why and signs nothing.
 */
export function startReceiptPdfService(options: {
  readonly dataDir: string;
  readonly source: ReceiptSigningSource;
  readonly logger: Logger;
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
  const timer = setInterval(() => {
    outbox.signPending().catch((error: unknown) => {
      logger.error('receipt-pdf.retry-failed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    });
  }, RETRY_MS);
  timer.unref();
  return { outbox, stop: () => clearInterval(timer) };
}
