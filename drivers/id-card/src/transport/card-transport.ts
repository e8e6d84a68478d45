/**
 * The narrow interface between the eMRTD protocol and a smart-card stack (PC/SC in
 * production, an in-memory twin in unit tests). Everything above it speaks only APDUs.
 */
export interface CardConnection {
  readonly readerName: string;
  readonly atr: Uint8Array;
  /** Sends one APDU, resolves with response data + SW1 SW2. Rejects with IdCardError. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Ends the session and resets the card so the next session starts clean. Never rejects. */
  disconnect(): Promise<void>;
}

export type TransportEvent =
  | { readonly type: 'reader-added'; readonly reader: string }
  | { readonly type: 'reader-removed'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atr: Uint8Array }
  | { readonly type: 'card-removed'; readonly reader: string }
  /** The smart-card service went away (pcscd stopped); the transport keeps retrying. */
  | { readonly type: 'service-lost'; readonly detail: string }
  | { readonly type: 'service-restored' };

export interface CardTransport {
  /** Readers currently attached. */
  readers(): string[];
  cardPresent(reader: string): boolean;
  /** Opens a session with the card in `reader`: NO_CARD, READER_GONE, CARD_TIMEOUT. */
  connect(reader: string): Promise<CardConnection>;
  /** Subscribes to reader/card events; returns the unsubscribe function. */
  onEvent(listener: (event: TransportEvent) => void): () => void;
  close(): Promise<void>;
}
