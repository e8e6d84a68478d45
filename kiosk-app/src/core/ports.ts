/**
 * What the core needs from the outside world, as narrow interfaces. The core is wired with real
 * drivers and HTTP clients in production and with the demo stand-ins (src/demo) in demo mode;
 * tests use the same seams.
 */
import type { DossierStatusView, JourneyError, ReceiptView } from '@kiosk/protocol';
import type { DocumentEvent, IdentificationTrigger } from './flow/journey-events';
import type { LookupRegistryInput, PrinterCheck, RegistryOutcome } from './flow/journey-services';
import type { DeviceView, QueueTicketView } from '@kiosk/protocol';
import type { QueueSystemTicket } from './queue/queue-system-reply';

/** Reads an identity document (chip, QR, MRZ) and reports progress through `emit`. */
export interface IdentityReader {
  read(
    trigger: IdentificationTrigger,
    emit: (event: DocumentEvent) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

export interface RegistryPort {
  lookup(input: LookupRegistryInput): Promise<RegistryOutcome>;
}

export interface PrintOptions {
  /** Marks a staff reprint ("BẢN IN LẠI") with the reprint time. */
  readonly reprintAt?: string;
}

/** A queue ticket with the issuer printed on it. */
export interface QueueTicketPrint extends QueueTicketView {
  readonly centreName: string;
  readonly kioskId: string;
}

export interface ReceiptPrinterPort {
  check(): Promise<PrinterCheck>;
  print(receipt: ReceiptView, options?: PrintOptions): Promise<void>;
  /** The small "Lấy số thứ tự" ticket: the number, its counters, the time. */
  printTicket(ticket: QueueTicketPrint): Promise<void>;
}

/**
 * The centre's queue system (hệ thống xếp hàng tự động): draws the next number of a counter
 * group. Rejects with a `QueueSystemError` when it is down or answers nonsense; the kiosk then
 * numbers by itself (queue/queue-numbers.ts).
 */
export interface QueueSystemPort {
  issue(group: string, signal: AbortSignal): Promise<QueueSystemTicket>;
}

export interface DossierStatusPort {
  status(code: string): Promise<DossierStatusView | 'notFound'>;
}

/** Where device events come from; the core forwards them into the journey. */
export interface DeviceEventSource {
  onCardPresented(listener: (reader: string, mrz?: string) => void): () => void;
  onCardRemoved(listener: () => void): () => void;
  onQr(listener: (text: string) => void): () => void;
  /** MRZs from a serial document reader (lines joined with `\n`); absent when there is none. */
  onMrz?(listener: (text: string) => void): () => void;
  list(): DeviceView[];
  /** Called when a device's status may have changed (reader attached or gone, pcscd lost). */
  onStatusChange?(listener: () => void): () => void;
}

export class JourneyFailure extends Error {
  override readonly name = 'JourneyFailure';

  constructor(readonly error: JourneyError) {
    super(`${error.code}${error.detail ? `: ${error.detail}` : ''}`);
  }
}
