import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isDossierCode } from '../dossier-code/dossier-code-format';
import type { Logger } from '../log/logger';
import type { ReceiptPdfContent } from './receipt-pdf-content';
import type { ReceiptPdfGateway } from './receipt-pdf-gateway';
import { signReceiptPdf } from './sign-receipt-pdf';
import type { SigningConfig } from './signing-config';
import { SigningError } from './signing-error';

/** What the technician sees: how many receipts wait for the token, and why the last try failed. */
export interface ReceiptPdfOutboxStatus {
  readonly pending: number;
  readonly signed: number;
  /** Signed, but not yet on the portal (absent while none waits). */
  readonly undelivered?: number;
  readonly lastFailure?: { readonly code: string; readonly message: string; readonly at: string };
}

export interface ReceiptPdfOutboxOptions {
  /** Folder of the queue: `pending/` holds unsigned PDFs, `signed/` the signed ones. */
  readonly folder: string;
  /** Read on every attempt, so a corrected PIN or a new token takes effect without a restart. */
  readonly signing: () => Promise<SigningConfig>;
  readonly render: (content: ReceiptPdfContent) => Promise<Uint8Array>;
  readonly logger: Logger;
  readonly now?: () => Date;
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.part`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * Signed receipt PDFs that never hold up an intake. The unsigned PDF is written first; signing is
 * tried at once and, when the token is absent, the PIN wrong or locked, again by
 * {@link signPending} (the outbox worker's tick). Failures are logged and kept by their code and
 * plain message; the PIN is never in either.
 */
export class ReceiptPdfOutbox {
  private readonly pendingDir: string;
  private readonly signedDir: string;
  private lastFailure: ReceiptPdfOutboxStatus['lastFailure'];

  constructor(private readonly options: ReceiptPdfOutboxOptions) {
    this.pendingDir = path.join(options.folder, 'pending');
    this.signedDir = path.join(options.folder, 'signed');
    mkdirSync(this.pendingDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.signedDir, { recursive: true, mode: 0o700 });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private fileName(dossierCode: string): string {
    if (!isDossierCode(dossierCode)) throw new Error(`"${dossierCode}" is not a dossier code`);
    return `${dossierCode}.pdf`;
  }

  /** Queues the receipt of a dossier and tries to sign it; never fails the intake on the token. */
  async enqueue(content: ReceiptPdfContent): Promise<void> {
    const name = this.fileName(content.dossierCode);
    writeAtomically(path.join(this.pendingDir, name), await this.options.render(content));
    await this.signPending();
  }

  /** Signs every queued receipt it can; stops at the first token failure (the rest would fail too). */
  async signPending(): Promise<number> {
    let signedNow = 0;
    for (const name of readdirSync(this.pendingDir).filter((entry) => entry.endsWith('.pdf'))) {
      const source = path.join(this.pendingDir, name);
      try {
        const signed = await signReceiptPdf(
          new Uint8Array(readFileSync(source)),
          await this.options.signing(),
          this.now(),
        );
        writeAtomically(path.join(this.signedDir, name), signed);
        rmSync(source);
        signedNow += 1;
        this.options.logger.info('receipt-pdf.signed', { file: name });
      } catch (error) {
        const failure =
          error instanceof SigningError
            ? error
            : new SigningError('TOKEN_FAILED', 'signing failed unexpectedly');
        this.lastFailure = {
          code: failure.code,
          message: failure.message,
          at: this.now().toISOString(),
        };
        this.options.logger.warn('receipt-pdf.sign-deferred', {
          code: failure.code,
          reason: failure.message,
          pending: this.pendingCount(),
        });
        break;
      }
    }
    if (signedNow > 0 && this.pendingCount() === 0) this.lastFailure = undefined;
    return signedNow;
  }

  /** Signed receipts the portal has not taken yet (neither stored nor refused for good). */
  private undelivered(): string[] {
    const entries = new Set(readdirSync(this.signedDir));
    return [...entries].filter(
      (entry) =>
        entry.endsWith('.pdf') && !entries.has(`${entry}.sent`) && !entries.has(`${entry}.refused`),
    );
  }

  /**
   * Sends each signed receipt the portal does not have yet, and marks it sent. A receipt whose
   * dossier the portal does not know yet waits; a portal that is down stops the round (the others
   * would fail too); a receipt refused for good is marked so and logged for the technician.
   */
  async deliverSigned(gateway: ReceiptPdfGateway): Promise<number> {
    let delivered = 0;
    for (const name of this.undelivered()) {
      const file = path.join(this.signedDir, name);
      const result = await gateway.upload(name.slice(0, -'.pdf'.length), readFileSync(file));
      if (result.kind === 'stored') {
        writeFileSync(`${file}.sent`, '');
        delivered += 1;
        this.options.logger.info('receipt-pdf.delivered', { file: name });
      } else if (result.kind === 'rejected') {
        writeFileSync(`${file}.refused`, `${result.httpStatus} ${result.message}\n`);
        this.options.logger.error('receipt-pdf.refused', {
          file: name,
          status: result.httpStatus,
          reason: result.message,
        });
      } else if (result.reason !== 'dossier-unknown') {
        this.options.logger.warn('receipt-pdf.delivery-deferred', {
          reason: result.reason,
          waiting: this.undelivered().length,
        });
        break;
      }
    }
    return delivered;
  }

  private pendingCount(): number {
    return readdirSync(this.pendingDir).filter((entry) => entry.endsWith('.pdf')).length;
  }

  status(): ReceiptPdfOutboxStatus {
    const undelivered = this.undelivered().length;
    return {
      pending: this.pendingCount(),
      signed: readdirSync(this.signedDir).filter((entry) => entry.endsWith('.pdf')).length,
      ...(undelivered > 0 ? { undelivered } : {}),
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
    };
  }

  /** Whether the receipt of a dossier is queued or signed already. */
  has(dossierCode: string): boolean {
    const name = this.fileName(dossierCode);
    return (
      existsSync(path.join(this.pendingDir, name)) || existsSync(path.join(this.signedDir, name))
    );
  }

  /** The signed PDF of a dossier (to send with it to the portal), once there is one. */
  signedPdf(dossierCode: string): Uint8Array | undefined {
    const file = path.join(this.signedDir, this.fileName(dossierCode));
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
  }
}
