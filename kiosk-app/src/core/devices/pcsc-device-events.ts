import type { CardService } from '@kiosk/id-card';
import type { DeviceView } from '../../protocol';
import type { DeviceEventSource } from '../ports';
import type { ScanSource } from './scan-source';

export interface PcscDeviceEventsOptions {
  readonly cards: CardService;
  /** The PC/SC reader the citizen places the card on, e.g. "Virtual PCD 00 00". */
  readonly reader: string;
  /** QR scanner(s) whose texts become `onQr`. */
  readonly scanner?: ScanSource;
  /**
   * The MRZ a full-page document reader saw with the card, if the kiosk has one: it goes with
   * the card-presented event so the chip opens without asking for the QR.
   */
  readonly presentedMrz?: (reader: string) => string | undefined;
  /** Other devices to report in `list()` (the receipt printer). */
  readonly otherDevices?: () => readonly DeviceView[];
}

/**
 * The kiosk's device events from PC/SC: a card placed on or taken off the configured reader,
 * QR texts from the scanner, and the reader's status for the health view.
 *
 * @example
 * const devices = new PcscDeviceEvents({ cards, reader: 'Virtual PCD 00 00', scanner });
 * devices.onCardPresented((reader, mrz) => journey.send({ type: 'CARD_PRESENTED', reader, mrz }));
 */
export class PcscDeviceEvents implements DeviceEventSource {
  private serviceLost = false;
  private readonly offService: () => void;

  constructor(private readonly options: PcscDeviceEventsOptions) {
    this.offService = options.cards.onEvent((e) => {
      if (e.type === 'service-lost') this.serviceLost = true;
      else if (e.type === 'service-restored') this.serviceLost = false;
    });
  }

  onCardPresented(listener: (reader: string, mrz?: string) => void): () => void {
    const { reader, presentedMrz } = this.options;
    return this.options.cards.onEvent((e) => {
      if (e.type === 'card-inserted' && e.reader === reader)
        listener(reader, presentedMrz?.(reader));
    });
  }

  onCardRemoved(listener: () => void): () => void {
    const { reader } = this.options;
    return this.options.cards.onEvent((e) => {
      // A reader unplugged with the card on it is a removal for the journey.
      if ((e.type === 'card-removed' || e.type === 'reader-removed') && e.reader === reader)
        listener();
    });
  }

  onQr(listener: (text: string) => void): () => void {
    return this.options.scanner?.onScan((scan) => listener(scan.text)) ?? (() => undefined);
  }

  list(): DeviceView[] {
    const { cards, reader } = this.options;
    const attached = !this.serviceLost && cards.readers().includes(reader);
    const card: DeviceView = {
      id: `pcsc:${reader}`,
      role: 'cardReader',
      kind: 'cardReader',
      status: !attached ? 'offline' : cards.cardPresent(reader) ? 'card-present' : 'online',
      detail: this.serviceLost ? 'smart-card service (pcscd) not running' : reader,
    };
    return [card, ...(this.options.otherDevices?.() ?? [])];
  }

  /** Stops following the smart-card service (listeners given out keep their own unsubscribe). */
  close(): void {
    this.offService();
  }
}
