import { IdCardError } from '../errors';
import type { CardConnection, CardTransport, TransportEvent } from './card-transport';
import { EventHub } from './event-hub';
import { forkPcscHost, type HostChannel, type HostSettings } from './pcsc-host-process';
import {
  parseHostMessage,
  type HostMessage,
  type HostReplyValue,
  type HostRequest,
} from './pcsc-host-messages';
import { loadPcscLite, type PcscTransportOptions } from './pcsc-transport';
import { DEFAULT_RESTART_BACKOFF, restartDelay, type RestartBackoff } from './restart-backoff';

export interface PcscProcessTransportOptions extends Omit<PcscTransportOptions, 'serviceProbe'> {
  /** How often the host is asked to answer (ms). */
  readonly heartbeatMs?: number;
  /** A host that has not answered for this long is hung: it is killed and restarted (ms). */
  readonly hangMs?: number;
  readonly backoff?: RestartBackoff;
  /** Starts a host; default forks pcsc-host-entry.ts. Unit tests give a scripted one. */
  readonly spawnHost?: (settings: HostSettings) => HostChannel;
}

interface Pending {
  readonly resolve: (value: HostReplyValue) => void;
  readonly reject: (error: IdCardError) => void;
  readonly timer: NodeJS.Timeout;
}

interface Host {
  readonly channel: HostChannel;
  readonly generation: number;
  readonly startedAt: number;
  lastAnswerAt: number;
}

/**
 * PC/SC that can never stall the kiosk core: pcsclite runs in a host process of its own
 * (pcsc-host-entry.ts) and the core mirrors its readers and cards from the host's events.
 * The host is supervised: one that stops answering (pcsclite spinning or blocked in native code)
 * or dies is killed and started again after a growing delay; meanwhile every reader is reported
 * gone and the service lost, so the kiosk shows the card reader offline and offers QR and MRZ.
 *
 * @example
 * const cards = createCardService({ transport: new PcscProcessTransport() });
 */
export class PcscProcessTransport implements CardTransport {
  private readonly hub = new EventHub();
  private readonly readersNow = new Map<string, { present: boolean; atr: Uint8Array }>();
  private readonly pending = new Map<number, Pending>();
  private host: Host | undefined;
  private generation = 0;
  private nextId = 1;
  private restarts = 0;
  private lost = false;
  private closed = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly settings: HostSettings;
  private readonly heartbeatMs: number;
  private readonly hangMs: number;
  private readonly backoff: RestartBackoff;
  private readonly spawnHost: (settings: HostSettings) => HostChannel;

  constructor(options: PcscProcessTransportOptions = {}) {
    this.settings = { timeoutMs: options.timeoutMs ?? 5_000, retryMs: options.retryMs ?? 500 };
    this.heartbeatMs = options.heartbeatMs ?? 1_000;
    this.hangMs = options.hangMs ?? 10_000;
    this.backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
    if (!options.spawnHost) {
      // Throws PCSC_UNAVAILABLE here, as before, when the native module cannot load at all
      // (loading creates no context, so it cannot spin); the kiosk then starts without PC/SC.
      loadPcscLite();
    }
    this.spawnHost = options.spawnHost ?? ((settings) => forkPcscHost(settings));
    this.heartbeat = setInterval(() => this.checkHost(), this.heartbeatMs);
    this.startHost();
  }

  readers(): string[] {
    return [...this.readersNow.keys()];
  }

  cardPresent(reader: string): boolean {
    return this.readersNow.get(reader)?.present ?? false;
  }

  async connect(readerName: string): Promise<CardConnection> {
    const state = this.readersNow.get(readerName);
    if (!state || !this.host)
      throw new IdCardError(
        this.lost || !this.host ? 'PCSC_UNAVAILABLE' : 'READER_GONE',
        `reader ${readerName} is not attached`,
      );
    const { generation } = this.host;
    const connected = await this.request({ type: 'connect', id: 0, reader: readerName });
    if (connected.kind !== 'connected') throw malformed();
    const { session } = connected;
    const sameHost = () => this.host?.generation === generation;
    return {
      readerName,
      atr: connected.atr,
      transmit: async (apdu) => {
        if (!sameHost()) throw new IdCardError('READER_GONE', `reader ${readerName} is gone`);
        const answer = await this.request({ type: 'transmit', id: 0, session, apdu });
        if (answer.kind !== 'response') throw malformed();
        return answer.data;
      },
      disconnect: async () => {
        if (!sameHost()) return;
        await this.request({ type: 'disconnect', id: 0, session }).catch(() => undefined);
      },
    };
  }

  onEvent(listener: (event: TransportEvent) => void): () => void {
    return this.hub.on(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.hostGone('the card service was closed');
    return Promise.resolve();
  }

  private startHost(): void {
    if (this.closed || this.host) return;
    let channel: HostChannel;
    try {
      channel = this.spawnHost(this.settings);
    } catch (error) {
      this.serviceLost(`the PC/SC host could not start: ${String(error)}`);
      this.scheduleRestart();
      return;
    }
    const now = Date.now();
    const host: Host = {
      channel,
      generation: ++this.generation,
      startedAt: now,
      lastAnswerAt: now,
    };
    this.host = host;
    channel.onMessage((raw) => {
      if (this.host !== host) return;
      const message = parseHostMessage(raw);
      if (!message) {
        this.hostGone('the PC/SC host sent a message the core does not accept');
        return;
      }
      host.lastAnswerAt = Date.now();
      this.receive(message);
    });
    channel.onExit(() => {
      if (this.host !== host) return;
      this.hostGone('the PC/SC host process ended');
    });
  }

  /** Heartbeat: ask for an answer, and end a host that has been silent too long. */
  private checkHost(): void {
    const host = this.host;
    if (!host) return;
    if (Date.now() - host.lastAnswerAt > this.hangMs) {
      this.hostGone(`the PC/SC host did not answer for ${this.hangMs} ms`);
      return;
    }
    host.channel.send({ type: 'ping', id: this.nextId++ });
  }

  private hostGone(detail: string): void {
    const host = this.host;
    if (!host) return;
    this.host = undefined;
    host.channel.kill();
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new IdCardError('READER_GONE', `the card reader went away (${detail})`));
    }
    for (const name of [...this.readersNow.keys()]) this.readerGone(name);
    if (this.closed) return;
    // A host that ran a good while was healthy: the next failure starts the backoff again.
    if (Date.now() - host.startedAt > this.backoff.maxMs) this.restarts = 0;
    this.serviceLost(detail);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.closed || this.restartTimer) return;
    const delay = restartDelay(this.restarts++, this.backoff);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.startHost();
    }, delay);
  }

  private serviceLost(detail: string): void {
    if (this.lost) return;
    this.lost = true;
    this.hub.emit({ type: 'service-lost', detail });
  }

  private receive(message: HostMessage): void {
    if (message.type === 'pong') return;
    if (message.type === 'reply') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      clearTimeout(p.timer);
      if (message.ok) p.resolve(message.value);
      else p.reject(new IdCardError(message.error.code, message.error.message));
      return;
    }
    this.mirror(message.event);
  }

  /** Keeps readers() and cardPresent() as the host sees them, then passes the event on. */
  private mirror(event: TransportEvent): void {
    switch (event.type) {
      case 'reader-added':
        if (this.lost) {
          this.lost = false;
          this.hub.emit({ type: 'service-restored' });
        }
        this.readersNow.set(event.reader, { present: false, atr: new Uint8Array(0) });
        break;
      case 'reader-removed':
        this.readerGone(event.reader);
        return;
      case 'card-inserted': {
        const state = this.readersNow.get(event.reader);
        if (!state) return;
        state.present = true;
        state.atr = event.atr;
        break;
      }
      case 'card-removed': {
        const state = this.readersNow.get(event.reader);
        if (!state?.present) return;
        state.present = false;
        break;
      }
      case 'service-lost':
        this.serviceLost(event.detail);
        return;
      case 'service-restored':
        if (!this.lost) return;
        this.lost = false;
        break;
    }
    this.hub.emit(event);
  }

  private readerGone(name: string): void {
    const state = this.readersNow.get(name);
    if (!state) return;
    this.readersNow.delete(name);
    if (state.present) this.hub.emit({ type: 'card-removed', reader: name });
    this.hub.emit({ type: 'reader-removed', reader: name });
  }

  /** One request to the host; rejects if no answer comes within the per-call limit. */
  private request(request: HostRequest): Promise<HostReplyValue> {
    const host = this.host;
    if (!host) return Promise.reject(new IdCardError('PCSC_UNAVAILABLE', 'pcscd is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // The host enforces timeoutMs on each PC/SC call; this guards against a host that hangs.
      const limit = this.settings.timeoutMs + this.hangMs;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new IdCardError('CARD_TIMEOUT', `${request.type} did not answer within ${limit} ms`),
        );
      }, limit);
      this.pending.set(id, { resolve, reject, timer });
      host.channel.send({ ...request, id });
    });
  }
}

function malformed(): IdCardError {
  return new IdCardError('CARD_IO', 'the PC/SC host answered out of turn');
}
