import type { CardService } from '@kiosk/id-card';
import type { DeviceView } from '@kiosk/protocol';
import type { DeviceEventSource } from '../ports';
import type { ScanSource } from './scan-source';

export interface PcscDeviceEventsOptions {
  readonly cards: CardService;
  /**
   * The PC/SC reader the citizen places the card on, e.g. "Virtual PCD 00 00"; a function when
   * the technician may change it while the kiosk runs (the events follow it at once).
   */
  readonly reader: string | (() => string);
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
  /** The reader watched now (read at each event, so a reassignment needs no restart). */
  readonly reader: () => string;

  constructor(private readonly options: PcscDeviceEventsOptions) {
    const { reader } = options;
    this.reader = typeof reader === 'string' ? () => reader : reader;
    this.offService = options.cards.onEvent((e) => {
      if (e.type === 'service-lost') this.serviceLost = true;
      else if (e.type === 'service-restored') this.serviceLost = false;
    });
  }

  onCardPresented(listener: (reader: string, mrz?: string) => void): () => void {
    const { presentedMrz } = this.options;
    return this.options.cards.onEvent((e) => {
      if (e.type === 'card-inserted' && e.reader === this.reader())
        listener(e.reader, presentedMrz?.(e.reader));
    });
  }

  onCardRemoved(listener: () => void): () => void {
    return this.options.cards.onEvent((e) => {
      // A reader unplugged with the card on it is a removal for the journey.
      if ((e.type === 'card-removed' || e.type === 'reader-removed') && e.reader === this.reader())
        listener();
    });
  }

  /** The watched reader attached or gone, the smart-card service lost or back. */
  onStatusChange(listener: () => void): () => void {
    return this.options.cards.onEvent((e) => {
      if (
        e.type === 'reader-added' ||
        e.type === 'reader-removed' ||
        e.type === 'service-lost' ||
        e.type === 'service-restored'
      )
        listener();
    });
  }

  onQr(listener: (text: string) => void): () => void {
    return this.options.scanner?.onScan((scan) => listener(scan.text)) ?? (() => undefined);
  }

  list(): DeviceView[] {
    const { cards } = this.options;
    const reader = this.reader();
    const others = this.options.otherDevices?.() ?? [];
    if (reader === '') {
      const none: DeviceView = {
        id: 'pcsc:(none)',
        role: 'cardReader',
        kind: 'cardReader',
        status: 'not-assigned',
        detail: 'no card reader assigned (technician: Devices → card reader)',
      };
      return [none, ...others];
    }
    const attached = !this.serviceLost && cards.readers().includes(reader);
    const card: DeviceView = {
      id: `pcsc:${reader}`,
      role: 'cardReader',
      kind: 'cardReader',
      status: !attached ? 'offline' : cards.cardPresent(reader) ? 'card-present' : 'online',
      detail: this.serviceLost ? 'smart-card service (pcscd) not running' : reader,
    };
    return [card, ...others];
  }

  /** Stops following the smart-card service (listeners given out keep their own unsubscribe). */
  close(): void {
    this.offService();
  }
}
