import {
  accessKeyFromMrz,
  accessKeysFromQrFields,
  type AccessKey,
  type CardService,
  type ReadResult,
} from '@kiosk/id-card';
import { parseCccdQr, type CccdQrData } from '@kiosk/id-card/qr';
import type { AssuranceLevel } from '@kiosk/forms';
import { parseMrz, type MrzDocument } from '@kiosk/mrz';
import type { DocumentEvent, IdentificationTrigger, IdentitySources } from '../flow/journey-events';
import type { Logger } from '../log/logger';
import { JourneyFailure, type IdentityReader } from '../ports';
import { journeyFailureOf } from '../devices/card-failures';
import { chipReadProgress } from '../devices/chip-read-progress';
import { chipAssurance, PRINTED_DOCUMENT_ASSURANCE } from './identity-assurance';
import {
  cardDocumentToRecord,
  cccdQrToRecord,
  emitMrzIdentity,
  mrzDocumentToRecord,
} from './identity-records';

export interface ChipIdentityReaderOptions {
  readonly cards: CardService;
  readonly logger: Logger;
  /** Folder of trusted CSCA certificates; without it a genuine card is `unknown-issuer`. */
  readonly cscaDir?: string;
  /** Data groups to read, in the driver's order (default DG1, DG13, then the face in DG2). */
  readonly dataGroups?: readonly number[];
  /** Today, for the QR and MRZ date checks; defaults to the clock. */
  readonly today?: () => Date;
}

interface Keys {
  readonly keys: AccessKey[];
  readonly qr?: CccdQrData;
  readonly mrz?: MrzDocument;
}

/**
 * The kiosk's identity reader over the chip driver: a chip trigger opens the card with the keys
 * of its MRZ or QR and reads DG1 and DG13 (the registry lookup starts as soon as the ID is
 * known) and DG2 last for passive authentication; a QR or MRZ trigger alone is parsed without
 * the chip. The face image and the raw data groups are dropped as soon as the read returns.
 *
 * @example
 * const identity = new ChipIdentityReader({ cards: createCardService(), logger, cscaDir });
 * await identity.read({ method: 'chip', reader, mrz }, (e) => journey.send(e), signal);
 */
export class ChipIdentityReader implements IdentityReader {
  /** A read the journey gave up on still holds its reader until the card answers. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ChipIdentityReaderOptions) {}

  async read(
    trigger: IdentificationTrigger,
    emit: (event: DocumentEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const send = (event: DocumentEvent): void => {
      if (!signal.aborted) emit(event);
    };
    try {
      if (trigger.method === 'qr') return this.readQr(trigger.text, send);
      if (trigger.method === 'mrz') return emitMrzIdentity(trigger.text, this.today(), send);
      return await this.readChip(trigger, send, signal);
    } catch (error) {
      throw journeyFailureOf(error);
    }
  }

  private today(): Date {
    return this.options.today?.() ?? new Date();
  }

  private readQr(text: string, send: (event: DocumentEvent) => void): void {
    const qr = parseCccdQr(text, { today: this.today() });
    const record = cccdQrToRecord(qr);
    send({
      type: 'document.idKnown',
      personalId: qr.personalId,
      fullName: qr.fullName,
      dateOfBirth: qr.dateOfBirth,
    });
    send({
      type: 'document.read',
      method: 'qr',
      record,
      sources: { qr: record },
      assurance: PRINTED_DOCUMENT_ASSURANCE,
    });
  }

  /** Keys from the MRZ first (exact), then the QR's candidates; a bad one is skipped. */
  private keysOf(trigger: { readonly mrz?: string; readonly qr?: string }): Keys {
    const keys: AccessKey[] = [];
    let qr: CccdQrData | undefined;
    let mrz: MrzDocument | undefined;
    let firstError: unknown;
    if (trigger.mrz !== undefined) {
      try {
        keys.push(accessKeyFromMrz(trigger.mrz));
        mrz = parseMrz(trigger.mrz, { today: this.today() });
      } catch (error) {
        firstError ??= error;
      }
    }
    if (trigger.qr !== undefined) {
      try {
        qr = parseCccdQr(trigger.qr, { today: this.today() });
        keys.push(...accessKeysFromQrFields(qr));
      } catch (error) {
        firstError ??= error;
      }
    }
    if (keys.length === 0) {
      throw firstError ?? new JourneyFailure({ code: 'CARD_ACCESS_DENIED', detail: 'no keys' });
    }
    return { keys, qr, mrz };
  }

  private async readChip(
    trigger: Extract<IdentificationTrigger, { method: 'chip' }>,
    send: (event: DocumentEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const { keys, qr, mrz } = this.keysOf(trigger);
    // What the card's print says, so the registry can be asked while the chip is still read.
    const printed = qr ? cccdQrToRecord(qr) : mrz ? mrzDocumentToRecord(mrz) : {};
    const hints = { fullName: printed.fullName, dateOfBirth: printed.dateOfBirth };
    let progress = 0;
    const result = await this.exclusive(trigger.reader, signal, () =>
      this.options.cards.read(trigger.reader, {
        keys,
        dataGroups: this.options.dataGroups ?? [1, 13, 2],
        verify: { cscaDir: this.options.cscaDir },
        onProgress: (step) => {
          const next = chipReadProgress(step);
          // Never backwards: the bar only fills.
          if (next === undefined || next <= progress) return;
          progress = next;
          send({ type: 'document.progress', progress });
        },
        onIdentityKnown: (personalId) => send({ type: 'document.idKnown', personalId, ...hints }),
      }),
    );
    const assurance = this.checkAuthenticity(result);
    const chip = cardDocumentToRecord(result.document);
    const sources: IdentitySources = {
      chip,
      ...(qr ? { qr: cccdQrToRecord(qr) } : {}),
      ...(mrz ? { mrz: mrzDocumentToRecord(mrz) } : {}),
    };
    send({ type: 'document.read', method: 'chip', record: chip, sources, assurance });
  }

  /**
   * ICAO 9303-11 §5.1 passive authentication: a changed data group is not this citizen's card;
   * anything short of `valid` against the trust store reads as `chip-unverified`.
   */
  private checkAuthenticity(result: ReadResult): AssuranceLevel {
    const pa = result.passiveAuthentication;
    const { logger } = this.options;
    if (pa.status === 'invalid') {
      const group = pa.dataGroup === undefined ? '' : ` DG${pa.dataGroup}`;
      logger.warn('identity.passiveAuthentication', { status: pa.status, check: pa.failedCheck });
      throw new JourneyFailure({
        code: 'CARD_READ_FAILED',
        detail: `passive authentication failed: ${pa.failedCheck}${group}`,
      });
    }
    if (pa.status === 'unknown-issuer') {
      // Hashes and a signature by a key no trusted CSCA vouches for: anyone can make such a
      // chip. Read, but as `chip-unverified`; the technician sees the missing CSCA in the log.
      logger.warn('identity.passiveAuthentication', { status: pa.status });
    } else {
      logger.info('identity.passiveAuthentication', {
        status: pa.status,
        protocol: result.stats.protocol,
      });
    }
    return chipAssurance(pa.status);
  }

  /** One read per reader: waits for a read the journey abandoned, stops waiting on abort. */
  private async exclusive<T>(
    reader: string,
    signal: AbortSignal,
    run: () => Promise<T>,
  ): Promise<T> {
    const previous = this.inFlight.get(reader);
    if (previous) await previous.catch(() => undefined);
    signal.throwIfAborted();
    const task = run();
    const settled = task.catch(() => undefined);
    this.inFlight.set(reader, settled);
    void settled.then(() => {
      if (this.inFlight.get(reader) === settled) this.inFlight.delete(reader);
    });
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new JourneyFailure({ code: 'CARD_READ_FAILED', detail: 'aborted' }));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([task, aborted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }
}
