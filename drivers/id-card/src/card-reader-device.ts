import {
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
} from '@kiosk/device';
import { IdCardError } from './errors';
import type { CardService } from './card-service';
import type { ReadOptions, ReadResult } from './reader/document-reader';

/**
 * One PC/SC reader as a `Device` for the kiosk's device manager: status events `online` /
 * `offline` (reader attached or gone, including pcscd restarts) and `card-present` /
 * `card-absent`, and `read()` while enabled. Lifecycle methods are idempotent.
 *
 * @example
 * const device = new CardReaderDevice(createCardService(), 'ACS ACR1252 1S CL Reader PICC 0');
 * device.onStatus((e) => e.status === 'card-present' && startReading());
 * await device.open(); await device.claim(); await device.enable();
 */
export class CardReaderDevice implements Device {
  readonly id: string;
  private current: DeviceState = 'closed';
  private enabled = false;
  private readonly status: StatusEmitter;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly service: CardService,
    readonly readerName: string,
    now: () => number = Date.now,
  ) {
    this.id = `pcsc:${readerName}`;
    this.status = new StatusEmitter(this.id, now);
  }

  get state(): DeviceState {
    return this.current;
  }

  open(): Promise<void> {
    if (this.unsubscribe) return Promise.resolve();
    this.unsubscribe = this.service.onEvent((e) => {
      if (e.type === 'service-lost')
        return this.status.emit('offline', 'smart-card service stopped');
      if (!('reader' in e) || e.reader !== this.readerName) return;
      if (e.type === 'reader-added') this.status.emit('online');
      else if (e.type === 'reader-removed') this.status.emit('offline', 'reader unplugged');
      else if (e.type === 'card-inserted') this.status.emit('card-present');
      else this.status.emit('card-absent');
    });
    this.current = 'idle';
    const attached = this.service.readers().includes(this.readerName);
    this.status.emit(attached ? 'online' : 'offline');
    if (attached && this.service.cardPresent(this.readerName)) this.status.emit('card-present');
    return Promise.resolve();
  }

  claim(): Promise<void> {
    return Promise.resolve();
  }

  enable(): Promise<void> {
    this.enabled = true;
    return Promise.resolve();
  }

  disable(): Promise<void> {
    this.enabled = false;
    return Promise.resolve();
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.enabled = false;
    this.current = 'closed';
    return Promise.resolve();
  }

  onStatus(listener: (event: DeviceStatusEvent) => void): () => void {
    return this.status.on(listener);
  }

  async read(options: ReadOptions): Promise<ReadResult> {
    if (!this.enabled || this.current === 'closed') {
      throw new IdCardError('INVALID_ARGUMENT', `${this.id} is not enabled`);
    }
    this.current = 'busy';
    try {
      const result = await this.service.read(this.readerName, options);
      this.current = 'idle';
      return result;
    } catch (e) {
      this.current = 'idle';
      throw e;
    }
  }
}
