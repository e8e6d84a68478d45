import { createRequire } from 'node:module';
import type PcscFactory from '@pokusew/pcsclite';
import { IdCardError } from '../errors';
import type { CardConnection, CardTransport, TransportEvent } from './card-transport';
import { EventHub } from './event-hub';
import { pcscError } from './pcsc-errors';
import { withTimeout } from './timeout';

type PcscLite = ReturnType<typeof PcscFactory>;
type PcscReader = Parameters<Parameters<PcscLite['on']>[1]>[0] & { name: string };

export interface PcscTransportOptions {
  /** Per-call limit for connect/transmit/disconnect (ms). */
  readonly timeoutMs?: number;
  /** Delay before re-creating the PC/SC context after pcscd went away (ms). */
  readonly retryMs?: number;
  /** Largest response we accept (extended length: 64 KiB + SW). */
  readonly maxResponseBytes?: number;
  /**
   * Asked before each context is created: pcsclite spins in SCardEstablishContext while pcscd
   * is absent, so the context is only created once pcscd answers (see pcscd-socket.ts).
   */
  readonly serviceProbe?: () => Promise<boolean>;
}

/** Loads the optional native module lazily so machines without libpcsclite still start. */
export function loadPcscLite(): typeof PcscFactory {
  try {
    const require = createRequire(import.meta.url);
    return require('@pokusew/pcsclite') as typeof PcscFactory;
  } catch (cause) {
    throw new IdCardError(
      'PCSC_UNAVAILABLE',
      'PC/SC is not available on this machine (@pokusew/pcsclite or libpcsclite missing)',
      { cause },
    );
  }
}

interface ReaderState {
  reader: PcscReader;
  present: boolean;
  atr: Uint8Array;
}

/**
 * PC/SC transport on @pokusew/pcsclite. Watches readers and cards, and survives pcscd
 * restarts and reader unplug/replug: when the context fails it reports every reader gone,
 * closes the context and re-creates it until pcscd answers again.
 */
export class PcscTransport implements CardTransport {
  private readonly hub = new EventHub();
  private readonly states = new Map<string, ReaderState>();
  private context: PcscLite | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private lost = false;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private readonly maxResponseBytes: number;
  private readonly serviceProbe: (() => Promise<boolean>) | undefined;

  constructor(
    private readonly factory: typeof PcscFactory = loadPcscLite(),
    options: PcscTransportOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.retryMs = options.retryMs ?? 500;
    this.maxResponseBytes = options.maxResponseBytes ?? 65_538;
    this.serviceProbe = options.serviceProbe;
    this.start();
  }

  private start(): void {
    if (this.closed) return;
    const probe = this.serviceProbe;
    if (!probe) {
      this.open();
      return;
    }
    probe().then(
      (answers) => {
        if (this.closed || this.context) return;
        if (answers) this.open();
        else this.serviceLost(new IdCardError('PCSC_UNAVAILABLE', 'pcscd is not running'));
      },
      (error: unknown) => this.serviceLost(error),
    );
  }

  private open(): void {
    let context: PcscLite;
    try {
      context = this.factory();
    } catch (e) {
      this.serviceLost(e);
      return;
    }
    this.context = context;
    context.on('reader', (reader) => this.attach(reader as PcscReader));
    context.on('error', (e: unknown) => {
      if (this.context === context) this.serviceLost(e);
    });
  }

  private serviceLost(error: unknown): void {
    const old = this.context;
    this.context = undefined;
    for (const name of [...this.states.keys()]) this.detach(name);
    if (old) {
      try {
        old.close();
      } catch {
        // already dead with pcscd
      }
    }
    if (!this.lost) {
      this.lost = true;
      this.hub.emit({
        type: 'service-lost',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    if (!this.closed && !this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.start();
      }, this.retryMs);
    }
  }

  private attach(reader: PcscReader): void {
    const name = reader.name;
    if (this.lost) {
      this.lost = false;
      this.hub.emit({ type: 'service-restored' });
    }
    const state: ReaderState = { reader, present: false, atr: new Uint8Array(0) };
    this.states.set(name, state);
    this.hub.emit({ type: 'reader-added', reader: name });
    reader.on('error', () => {
      // per-reader status errors surface on the next connect/transmit
    });
    reader.on('status', (status) => {
      if (this.states.get(name) !== state) return;
      const present =
        (status.state & reader.SCARD_STATE_PRESENT) !== 0 &&
        (status.state & reader.SCARD_STATE_MUTE) === 0;
      if (present && !state.present) {
        state.present = true;
        state.atr = new Uint8Array(status.atr ?? []);
        this.hub.emit({ type: 'card-inserted', reader: name, atr: state.atr });
      } else if (!present && state.present) {
        state.present = false;
        this.hub.emit({ type: 'card-removed', reader: name });
      }
    });
    reader.on('end', () => this.detach(name));
  }

  private detach(name: string): void {
    const state = this.states.get(name);
    if (!state) return;
    this.states.delete(name);
    if (state.present) this.hub.emit({ type: 'card-removed', reader: name });
    try {
      // Stops the reader's status-monitoring thread, or the process never exits.
      state.reader.close();
    } catch {
      // already closed by pcsclite on 'end'
    }
    this.hub.emit({ type: 'reader-removed', reader: name });
  }

  readers(): string[] {
    return [...this.states.keys()];
  }

  cardPresent(reader: string): boolean {
    return this.states.get(reader)?.present ?? false;
  }

  async connect(readerName: string): Promise<CardConnection> {
    const state = this.states.get(readerName);
    if (!state)
      throw new IdCardError(
        this.lost ? 'PCSC_UNAVAILABLE' : 'READER_GONE',
        `reader ${readerName} is not attached`,
      );
    const { reader } = state;
    const protocol = await withTimeout(
      new Promise<number>((resolve, reject) => {
        reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (err, p) =>
          err ? reject(pcscError(err, `connect to ${readerName}`)) : resolve(p),
        );
      }),
      this.timeoutMs,
      `connect to ${readerName}`,
    );
    const transmit = (apdu: Uint8Array): Promise<Uint8Array> => {
      if (!this.states.has(readerName))
        return Promise.reject(new IdCardError('READER_GONE', `reader ${readerName} is gone`));
      return withTimeout(
        new Promise<Uint8Array>((resolve, reject) => {
          reader.transmit(Buffer.from(apdu), this.maxResponseBytes, protocol, (err, data) =>
            err
              ? reject(pcscError(err, 'transmit'))
              : data.length < 2
                ? // vpcd and some readers answer an interrupted exchange with nothing at all
                  reject(
                    new IdCardError(
                      'CARD_IO',
                      'the reader returned no status word (card taken off?)',
                    ),
                  )
                : resolve(new Uint8Array(data)),
          );
        }),
        this.timeoutMs,
        'transmit',
      );
    };
    const disconnect = async (): Promise<void> => {
      if (!reader.connected) return;
      await withTimeout(
        new Promise<void>((resolve) => reader.disconnect(reader.SCARD_RESET_CARD, () => resolve())),
        this.timeoutMs,
        'disconnect',
      ).catch(() => undefined);
    };
    return { readerName, atr: state.atr, transmit, disconnect };
  }

  onEvent(listener: (event: TransportEvent) => void): () => void {
    return this.hub.on(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const context = this.context;
    this.context = undefined;
    try {
      context?.close();
    } catch {
      // closing a context whose pcscd is gone
    }
    for (const name of [...this.states.keys()]) this.detach(name);
    return Promise.resolve();
  }
}
