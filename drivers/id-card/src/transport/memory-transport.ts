import { IdCardError } from '../errors';
import type { CardConnection, CardTransport, TransportEvent } from './card-transport';
import { EventHub } from './event-hub';

/** A card in the memory twin: answers raw APDUs (the virtual card's `process`). */
export interface MemoryCard {
  readonly atr: Uint8Array;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Called on every new session (power-on reset). */
  reset?(): void;
}

/**
 * In-memory twin of the PC/SC transport for unit tests: readers and cards are added and
 * removed by the test, and it raises the same typed errors the PC/SC transport raises.
 */
export class MemoryTransport implements CardTransport {
  private readonly slots = new Map<string, { card?: MemoryCard; session: number }>();
  private readonly hub = new EventHub();
  private closed = false;

  addReader(name: string): void {
    if (this.slots.has(name)) return;
    this.slots.set(name, { session: 0 });
    this.hub.emit({ type: 'reader-added', reader: name });
  }

  removeReader(name: string): void {
    const slot = this.slots.get(name);
    if (!slot) return;
    if (slot.card) this.removeCard(name);
    this.slots.delete(name);
    this.hub.emit({ type: 'reader-removed', reader: name });
  }

  insertCard(reader: string, card: MemoryCard): void {
    const slot = this.slots.get(reader);
    if (!slot) throw new IdCardError('READER_GONE', `no reader ${reader}`);
    slot.card = card;
    slot.session++;
    this.hub.emit({ type: 'card-inserted', reader, atr: card.atr });
  }

  removeCard(reader: string): void {
    const slot = this.slots.get(reader);
    if (!slot?.card) return;
    slot.card = undefined;
    slot.session++;
    this.hub.emit({ type: 'card-removed', reader });
  }

  readers(): string[] {
    return [...this.slots.keys()];
  }

  cardPresent(reader: string): boolean {
    return this.slots.get(reader)?.card !== undefined;
  }

  connect(reader: string): Promise<CardConnection> {
    if (this.closed)
      return Promise.reject(new IdCardError('PCSC_UNAVAILABLE', 'transport is closed'));
    const slot = this.slots.get(reader);
    if (!slot)
      return Promise.reject(new IdCardError('READER_GONE', `reader ${reader} is not attached`));
    const card = slot.card;
    if (!card) return Promise.reject(new IdCardError('NO_CARD', `no card in ${reader}`));
    card.reset?.();
    const session = slot.session;
    const live = (): void => {
      const now = this.slots.get(reader);
      if (!now) throw new IdCardError('READER_GONE', `reader ${reader} was unplugged`);
      if (now.session !== session || !now.card)
        throw new IdCardError('CARD_REMOVED', `the card was removed from ${reader}`);
    };
    return Promise.resolve({
      readerName: reader,
      atr: card.atr,
      transmit: async (apdu: Uint8Array) => {
        live();
        const response = await card.transmit(apdu);
        live();
        return response;
      },
      disconnect: () => Promise.resolve(),
    });
  }

  onEvent(listener: (event: TransportEvent) => void): () => void {
    return this.hub.on(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
