import { IdCardError, isIdCardError } from './errors';
import type { CardTransport, TransportEvent } from './transport/card-transport';
import {
  PcscProcessTransport,
  type PcscProcessTransportOptions,
} from './transport/pcsc-process-transport';
import { readDocument, type ReadOptions, type ReadResult } from './reader/document-reader';

export interface CardServiceOptions extends PcscProcessTransportOptions {
  /** Another transport (the in-memory twin in tests); default PC/SC in a host process. */
  readonly transport?: CardTransport;
}

export interface CardService {
  readers(): string[];
  cardPresent(reader: string): boolean;
  /** Reader and card events; returns the unsubscribe function. */
  onEvent(listener: (event: TransportEvent) => void): () => void;
  /** Resolves when a card is in `reader` (at once if it already is); CARD_TIMEOUT after `timeoutMs`. */
  waitForCard(reader: string, timeoutMs: number): Promise<void>;
  /** Reads the card in `reader`; one read per reader at a time. */
  read(reader: string, options: ReadOptions): Promise<ReadResult>;
  close(): Promise<void>;
}

const TRANSPORT_FAILURES = new Set([
  'CARD_IO',
  'CARD_TIMEOUT',
  'APDU_MALFORMED',
  'SM_MAC_INVALID',
  'SM_PROTOCOL',
  'CARD_REMOVED',
]);
const REMOVAL_GRACE_MS = 1_500;

function removalFollows(transport: CardTransport, reader: string): Promise<boolean> {
  if (!transport.cardPresent(reader)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(!transport.cardPresent(reader));
    }, REMOVAL_GRACE_MS);
    const off = transport.onEvent((e) => {
      if ((e.type === 'card-removed' || e.type === 'reader-removed') && e.reader === reader) {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
  });
}

/**
 * The chip-reader driver's entry point for the kiosk core.
 *
 * @example
 * const cards = createCardService();
 * cards.onEvent((e) => e.type === 'card-inserted' && console.log('card on', e.reader));
 * const { document, passiveAuthentication } = await cards.read('Virtual PCD 00 00', {
 *   keys: accessKeysFromQrFields(qr), onIdentityKnown: (id) => registry.lookup(id),
 * });
 */
export function createCardService(options: CardServiceOptions = {}): CardService {
  const transport = options.transport ?? new PcscProcessTransport(options);
  const busy = new Set<string>();
  return {
    readers: () => transport.readers(),
    cardPresent: (reader) => transport.cardPresent(reader),
    onEvent: (listener) => transport.onEvent(listener),
    waitForCard(reader, timeoutMs) {
      if (transport.cardPresent(reader)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(
            new IdCardError(
              'CARD_TIMEOUT',
              `no card was placed on ${reader} within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const off = transport.onEvent((e) => {
          if (e.type === 'card-inserted' && e.reader === reader) {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
      });
    },
    async read(reader, readOptions) {
      if (busy.has(reader))
        throw new IdCardError('INVALID_ARGUMENT', `a read on ${reader} is already running`);
      busy.add(reader);
      let removed = false;
      const off = transport.onEvent((e) => {
        if ((e.type === 'card-removed' || e.type === 'reader-removed') && e.reader === reader)
          removed = true;
      });
      try {
        const connection = await transport.connect(reader);
        try {
          return await readDocument(connection, readOptions);
        } finally {
          await connection.disconnect();
        }
      } catch (e) {
        // After a removal every later failure (MAC, timeout, I/O) is the removal's consequence.
        // PC/SC reports the removal a little after the failed exchange, so wait for it briefly.
        if (!removed && isIdCardError(e) && TRANSPORT_FAILURES.has(e.code))
          removed = await removalFollows(transport, reader);
        if (removed && !isIdCardError(e, 'READER_GONE')) {
          throw new IdCardError(
            'CARD_REMOVED',
            `the card was taken off ${reader} during the read`,
            { cause: e },
          );
        }
        if (isIdCardError(e)) throw e;
        throw new IdCardError(
          'CARD_IO',
          `reading the card failed: ${e instanceof Error ? e.message : String(e)}`,
          { cause: e },
        );
      } finally {
        off();
        busy.delete(reader);
      }
    },
    close: () => transport.close(),
  };
}
