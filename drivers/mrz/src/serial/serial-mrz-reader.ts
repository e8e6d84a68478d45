import { SerialLinkDevice, type SerialLinkDeviceOptions } from '@kiosk/device';
import type { MrzDocument } from '../codec/mrz-document';
import { MrzError, isMrzError } from '../codec/mrz-error';
import { parseMrz } from '../codec/parse-mrz';
import { MrzFrameDecoder, type FrameEvent, type MrzFraming } from './mrz-framing';

export interface SerialMrzReaderOptions extends SerialLinkDeviceOptions {
  readonly framing?: MrzFraming;
  /** Quiet time after which a half-received document is reported as truncated. */
  readonly idleFlushMs?: number;
  /** Today for the MRZ century rule; defaults to the clock. */
  readonly today?: () => Date;
}

/**
 * A document reader on a serial port (swipe or full-page readers that send the MRZ as text).
 * Emits each document it reads as a validated `MrzDocument`, and every bad frame as an
 * `MrzError` (truncated, garbage, failed check digit); never throws from the data path.
 * An unplugged reader is reported `offline` and reopened when its device node comes back.
 *
 * @example
 * const reader = new SerialMrzReader({ path: '/dev/ttyUSB0', baudRate: 9600 });
 * reader.onDocument((doc) => flow.send({ type: 'MRZ', keys: doc.chipKey }));
 * await reader.open(); await reader.claim(); await reader.enable();
 */
export class SerialMrzReader extends SerialLinkDevice {
  private readonly decoder: MrzFrameDecoder;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly documentListeners = new Set<(doc: MrzDocument) => void>();
  private readonly errorListeners = new Set<(error: MrzError) => void>();

  constructor(private readonly options: SerialMrzReaderOptions) {
    super(options, 'serial MRZ reader');
    this.decoder = new MrzFrameDecoder(options.framing ?? { kind: 'lines', terminator: 'any' });
  }

  onDocument(listener: (doc: MrzDocument) => void): () => void {
    this.documentListeners.add(listener);
    return () => this.documentListeners.delete(listener);
  }

  onError(listener: (error: MrzError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** A document cut short by the unplug is reported as truncated. */
  protected linkLost(): void {
    this.deliver(this.decoder.flush());
  }

  protected override closing(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.decoder.flush();
  }

  protected receive(chunk: Uint8Array): void {
    this.deliver(this.decoder.push(chunk));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.decoder.hasPending) {
      this.idleTimer = setTimeout(
        () => this.deliver(this.decoder.flush()),
        this.options.idleFlushMs ?? 500,
      );
    }
  }

  private deliver(events: readonly FrameEvent[]): void {
    if (!this.enabled) return;
    for (const event of events) {
      if (event.kind === 'error') {
        this.fail(event.error);
        continue;
      }
      try {
        const doc = parseMrz(event.lines, { today: this.options.today?.() });
        for (const l of this.documentListeners) l(doc);
      } catch (error) {
        this.fail(isMrzError(error) ? error : new MrzError('MRZ_FRAME_GARBAGE', String(error)));
      }
    }
  }

  private fail(error: MrzError): void {
    for (const l of this.errorListeners) l(error);
  }
}
