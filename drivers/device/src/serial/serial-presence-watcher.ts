import { PresenceDebouncer } from '../presence-debouncer';
import type { StatusEmitter } from '../status-emitter';
import type { SerialLink, SerialOpenOptions, SerialPorts } from './serial-ports';

export interface SerialPresenceWatcherOptions {
  readonly ports: SerialPorts;
  readonly open: SerialOpenOptions;
  /** What the device is, for the technician's status detail (`serial MRZ reader`). */
  readonly label: string;
  /** Where `online`/`offline` go (the driver's own emitter). */
  readonly status: StatusEmitter;
  /** Hot-plug poll period; 0 disables the timer (tests call `poll()` themselves). */
  readonly pollIntervalMs?: number;
  /** Consecutive polls without the device node before it is declared gone. */
  readonly missesBeforeGone?: number;
  /** A link was opened: the driver attaches its decoder. */
  readonly onLink: (link: SerialLink) => void;
  /** The link was lost or dropped: the driver flushes what it had half received. */
  readonly onLost?: () => void;
}

/**
 * The one hot-plug loop of the serial drivers: poll the device node → debounce
 * (`PresenceDebouncer`) → `offline` when it is gone or its link closes with an error → reopen and
 * `online` when it is back, on the same path, without restarting the app.
 *
 * @example
 * const watcher = new SerialPresenceWatcher({ ports, open: { path, baudRate }, label: 'serial scanner',
 *   status, onLink: (link) => link.onData((chunk) => decoder.push(chunk)) });
 * await watcher.start(); // resolves even when the device is absent (then `offline`)
 */
export class SerialPresenceWatcher {
  private current: SerialLink | undefined;
  private opening: Promise<void> | undefined;
  private started = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly debouncer: PresenceDebouncer;

  constructor(private readonly options: SerialPresenceWatcherOptions) {
    this.debouncer = new PresenceDebouncer(options.missesBeforeGone ?? 2);
  }

  get link(): SerialLink | undefined {
    return this.current;
  }

  /** Opens the device if it is there, else reports it `offline`; then polls. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.poll();
    if (!this.current) this.options.status.emit('offline', `${this.options.label} not present`);
    const every = this.options.pollIntervalMs ?? 1000;
    if (every > 0) this.timer = setInterval(() => void this.poll(), every);
  }

  /** One hot-plug observation: reopen a device that came back, drop one that is gone. */
  async poll(): Promise<void> {
    if (!this.started) return;
    const seen = await this.options.ports.exists(this.options.open.path);
    const change = this.debouncer.observe(seen);
    if (change === 'gone' && this.current) this.drop(`${this.options.label} unplugged`);
    if (seen && !this.current && !this.opening) {
      this.opening = this.connect().finally(() => {
        this.opening = undefined;
      });
      await this.opening;
    }
  }

  /** Stops polling and closes the link; no status is reported. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.started = false;
    const link = this.current;
    this.current = undefined;
    await link?.close();
  }

  private async connect(): Promise<void> {
    try {
      const link = await this.options.ports.open(this.options.open);
      if (!this.started) {
        await link.close();
        return;
      }
      this.current = link;
      link.onClose((error) => {
        if (this.current === link)
          this.drop(error ? `serial link lost: ${error.message}` : 'serial link closed');
      });
      this.options.onLink(link);
      this.options.status.emit('online');
    } catch (error) {
      this.options.status.emit('offline', error instanceof Error ? error.message : String(error));
    }
  }

  private drop(detail: string): void {
    const link = this.current;
    this.current = undefined;
    void link?.close();
    this.options.onLost?.();
    this.options.status.emit('offline', detail);
  }
}
