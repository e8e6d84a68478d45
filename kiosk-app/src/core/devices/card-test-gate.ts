import type { CardService, TransportEvent as CardEvent } from '@kiosk/id-card';
import { DeviceSetupError } from './device-setup';

/** Where the card on a reader stands when a test is armed. */
export type CardAtArming =
  /** No card: the test waits for one. */
  | 'none'
  /** A card the journey never heard of (left by an earlier test, or there since start). */
  | 'test'
  /** A card whose placing the journey heard: it may be identifying it already. */
  | 'journey';

/** A reader armed for a technician's card test; `disarm` when the test ends, however it ends. */
export interface ArmedCardTest {
  readonly reader: string;
  readonly cardAtArming: CardAtArming;
  /**
   * Resolves when a card is placed on the reader while armed; rejects with a
   * `DeviceSetupError` after `waitMs`, on abort, or when the reader is unplugged.
   */
  nextCard(signal: AbortSignal, waitMs: number): Promise<void>;
  disarm(): void;
}

/**
 * The card refused by a test because the journey heard it being placed (it may hold that card's
 * data already): the caller cancels the journey, the technician places the card again.
 */
export class CardHeardByJourneyError extends DeviceSetupError {
  constructor(readonly reader: string) {
    super(
      'DEVICE_ERROR',
      `${reader}: the card was already on the reader before the test started and the citizen ` +
        'screen may have started reading it (that has been stopped); take the card off, run the ' +
        'test again and place the card when asked',
    );
  }
}

/**
 * Keeps a technician's test card away from the journey, as `ScanRouter` does for a test scan.
 * It sits between the chip driver's events and the journey: while a reader is armed for a card
 * test, a card placed on it goes to the test, and that card stays the test's until it is taken
 * off — the journey hears neither its placing nor its removal. Every other event passes.
 *
 * @example
 * const gate = new CardTestGate(cards);
 * const events = new PcscDeviceEvents({ cards: gate.gatedCards(), reader }); // the journey's view
 * const test = gate.arm(reader);
 * try { await test.nextCard(signal, 20_000); await cards.read(reader, options); }
 * finally { test.disarm(); }
 */
export class CardTestGate {
  private readonly listeners = new Set<(event: CardEvent) => void>();
  private readonly armed = new Map<string, (event: CardEvent) => void>();
  /**
   * Whose the last card placed on each reader is: a test's (placed while armed) or the
   * journey's. Kept after the card is taken off, so the reader's unplugging that may follow is
   * held back too.
   */
  private readonly owners = new Map<string, 'test' | 'journey'>();
  private readonly off: () => void;

  constructor(private readonly cards: CardService) {
    this.off = cards.onEvent((event) => this.route(event));
  }

  /** The driver as the journey sees it: the same, with test cards' events held back. */
  gatedCards(): CardService {
    const { cards } = this;
    return {
      readers: () => cards.readers(),
      cardPresent: (reader) => cards.cardPresent(reader),
      onEvent: (listener) => this.onEvent(listener),
      waitForCard: (reader, timeoutMs) => cards.waitForCard(reader, timeoutMs),
      read: (reader, options) => cards.read(reader, options),
      close: () => cards.close(),
    };
  }

  /** The events the journey may hear. */
  onEvent(listener: (event: CardEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** True while a test holds `reader`. */
  isArmed(reader: string): boolean {
    return this.armed.has(reader);
  }

  /**
   * Arms `reader` for one test (synchronously: a card placed after this call is the test's).
   * A card already on it that the journey never heard of becomes the test's at once.
   */
  arm(reader: string): ArmedCardTest {
    if (this.armed.has(reader))
      throw new DeviceSetupError('DEVICE_ERROR', `${reader}: another card test is running`);
    const waiters = new Set<(event: CardEvent) => void>();
    this.armed.set(reader, (event) => {
      for (const waiter of [...waiters]) waiter(event);
    });
    const cardAtArming = this.cardOn(reader);
    if (cardAtArming === 'test') this.owners.set(reader, 'test');
    return {
      reader,
      cardAtArming,
      nextCard: (signal, waitMs) => nextCard(reader, waiters, signal, waitMs),
      disarm: () => {
        this.armed.delete(reader);
        waiters.clear();
      },
    };
  }

  /** Stops following the driver. */
  close(): void {
    this.off();
    this.armed.clear();
  }

  private cardOn(reader: string): CardAtArming {
    let present: boolean;
    try {
      present = this.cards.cardPresent(reader);
    } catch {
      present = false;
    }
    if (!present) return 'none';
    return this.owners.get(reader) === 'journey' ? 'journey' : 'test';
  }

  private route(event: CardEvent): void {
    if (
      event.type === 'card-inserted' ||
      event.type === 'card-removed' ||
      event.type === 'reader-removed'
    ) {
      const { reader } = event;
      const test = this.armed.get(reader);
      test?.(event);
      if (event.type === 'card-inserted') this.owners.set(reader, test ? 'test' : 'journey');
      const owner = this.owners.get(reader);
      if (event.type === 'reader-removed') this.owners.delete(reader);
      // A test card's placing and taking off are the test's business only.
      if (owner === 'test') return;
    }
    for (const listener of [...this.listeners]) listener(event);
  }
}

function nextCard(
  reader: string,
  waiters: Set<(event: CardEvent) => void>,
  signal: AbortSignal,
  waitMs: number,
): Promise<void> {
  const cancelled = (): DeviceSetupError =>
    new DeviceSetupError('DEVICE_ERROR', `${reader}: test cancelled`);
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: DeviceSetupError): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      waiters.delete(waiter);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = (): void => finish(cancelled());
    const waiter = (event: CardEvent): void => {
      if (event.type === 'card-inserted') finish();
      else if (event.type === 'reader-removed')
        finish(new DeviceSetupError('DEVICE_ERROR', `${reader}: the reader was unplugged`));
    };
    const timer = setTimeout(
      () =>
        finish(
          new DeviceSetupError(
            'DEVICE_ERROR',
            `no card was placed on ${reader} within ${Math.round(waitMs / 1000)} s`,
          ),
        ),
      waitMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    waiters.add(waiter);
  });
}
