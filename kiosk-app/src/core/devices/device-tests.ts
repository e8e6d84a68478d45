import type { CardService } from '@kiosk/id-card';
import type { CardTestView, PrinterStatusView } from '@kiosk/protocol';
import type { Logger } from '../log/logger';
import { CardHeardByJourneyError, type CardTestGate } from './card-test-gate';
import { testCardRead } from './card-test-read';
import { DeviceSetupError, type CardTestKeys } from './device-setup';
import type { EscposReceiptPrinter } from './escpos-receipt-printer';

/** The longest a card test waits for the card to be placed. */
export const CARD_TEST_WAIT_MS = 20_000;

export interface DeviceTestsOptions {
  /** The chip driver and the gate that keeps a test card from the journey; absent without pcscd. */
  readonly cards?: { readonly service: CardService; readonly gate: CardTestGate };
  /** The reader assigned now. */
  readonly reader: () => string | undefined;
  readonly printer: EscposReceiptPrinter;
  /** The printer's address now, for the technician's message. */
  readonly printerUri: () => string;
  /** The MRZ a full-page document reader saw with the card, if the kiosk has one. */
  readonly presentedMrz?: (reader: string) => string | undefined;
  readonly cscaDir?: string;
  /** How long a card test waits for a card (default `CARD_TEST_WAIT_MS`). */
  readonly cardTestWaitMs?: number;
  readonly logger: Logger;
}

function unavailable(message: string): never {
  throw new DeviceSetupError('DEVICE_ERROR', message);
}

/**
 * The technician's device tests on the assigned devices: a card read that the journey never
 * hears of, and the printer's real-time status. (The scan test is `LiveDeviceRoles.nextScan`.)
 */
export class DeviceTests {
  constructor(private readonly options: DeviceTestsOptions) {}

  /**
   * Arms the assigned reader for the test at once (before the first await), so the card placed
   * from now on is the test's and the journey never hears of it; waits for it at most
   * `cardTestWaitMs`. A card the journey already heard is refused (`CardHeardByJourneyError`).
   */
  async testCardRead(keys: CardTestKeys, signal: AbortSignal): Promise<CardTestView> {
    const { cards } = this.options;
    if (!cards)
      throw new DeviceSetupError('NOT_AVAILABLE', 'no smart-card service (pcscd) on this kiosk');
    const reader =
      this.options.reader() ??
      unavailable('no card reader is assigned: assign one in the list above');
    const test = cards.gate.arm(reader);
    try {
      if (test.cardAtArming === 'journey') throw new CardHeardByJourneyError(reader);
      this.options.logger.info('devices.cardTest.armed', { reader, card: test.cardAtArming });
      const waitMs = this.options.cardTestWaitMs ?? CARD_TEST_WAIT_MS;
      return await testCardRead({
        cards: cards.service,
        reader,
        keys,
        presentedMrz: () => this.options.presentedMrz?.(reader),
        cscaDir: this.options.cscaDir,
        signal,
        cardPlaced: () =>
          test.cardAtArming === 'test' ? Promise.resolve() : test.nextCard(signal, waitMs),
      });
    } finally {
      test.disarm();
    }
  }

  async printerStatus(): Promise<PrinterStatusView> {
    try {
      const s = await this.options.printer.status();
      return {
        online: s.online,
        paper: s.paper,
        coverOpen: s.coverOpen,
        cutterError: s.cutterError,
        otherError: s.otherError,
      };
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'no status';
      throw new DeviceSetupError('DEVICE_ERROR', `printer ${this.options.printerUri()}: ${code}`);
    }
  }
}
