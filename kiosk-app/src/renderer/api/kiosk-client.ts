import type {
  ApiError,
  CommandOf,
  JourneyView,
  MessageType,
  Reply,
  ServerMessage,
  SessionView,
} from '@kiosk/protocol';
import { CLOSE_UNAUTHORISED } from '@kiosk/protocol';
import { endpointSource, type EndpointSource, type PageWindow } from './core-endpoint';

export interface ClientState {
  readonly connected: boolean;
  readonly journey?: JourneyView;
  readonly session?: SessionView;
}

export class RequestFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/**
 * The renderer's only connection to the core. It reconnects by itself (the core may restart),
 * and on every (re)connect the core sends the current journey, so a reload resumes where the
 * citizen was.
 */
export class KioskClient {
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly listeners = new Set<(state: ClientState) => void>();
  private state: ClientState = { connected: false };
  private retryMs = 250;
  private closed = false;

  constructor(private readonly endpoint: EndpointSource) {}

  /** The client for this window: through the Electron bridge, or to the core that served it. */
  static forWindow(win: PageWindow): KioskClient {
    return new KioskClient(endpointSource(win));
  }

  connect(): void {
    this.endpoint.socketUrl().then(
      (url) => this.open(url),
      () => this.retryLater(),
    );
  }

  private retryLater(): void {
    if (this.closed) return;
    setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 4000);
  }

  private open(url: string): void {
    if (this.closed) return;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 250;
      this.update({ connected: true });
    };
    socket.onmessage = (event) => this.receive(String(event.data));
    socket.onclose = (event) => {
      this.update({ connected: false });
      for (const p of this.pending.values()) p.reject(new Error('connection lost'));
      this.pending.clear();
      if (this.closed) return;
      // The core does not know our credential: it restarted and issued a new one.
      if (event.code === CLOSE_UNAUTHORISED) this.endpoint.credentialRefused();
      this.retryLater();
    };
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  subscribe(listener: (state: ClientState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get current(): ClientState {
    return this.state;
  }

  /** Sends one message; its reply's type follows from the message's registry entry. */
  request<K extends MessageType>(command: CommandOf<K>): Promise<Reply[K]> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN)
      return Promise.reject(new Error('not connected'));
    const id = this.nextId++;
    socket.send(JSON.stringify({ ...command, id }));
    return new Promise<Reply[K]>((resolve, reject) => {
      // The core answers each message with its entry's reply type (core/api/handlers).
      this.pending.set(id, { resolve: (v) => resolve(v as Reply[K]), reject });
    });
  }

  /** Fire-and-forget for journey events: the journey view that follows is the answer. */
  send<K extends MessageType>(command: CommandOf<K>): void {
    this.request(command).catch(() => undefined);
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as ServerMessage;
    switch (message.type) {
      case 'journey':
        this.update({ journey: message.view });
        return;
      case 'session':
        this.update({ session: message.session });
        return;
      case 'reply': {
        const pending = message.id === null ? undefined : this.pending.get(message.id);
        if (!pending || message.id === null) return;
        this.pending.delete(message.id);
        if (message.ok) pending.resolve(message.data);
        else pending.reject(new RequestFailed(message.error));
      }
    }
  }

  private update(change: Partial<ClientState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
