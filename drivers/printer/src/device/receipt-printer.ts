import {
  DeviceError,
  PresenceDebouncer,
  StatusEmitter,
  type Device,
  type DeviceState,
  type DeviceStatusEvent,
} from '@kiosk/device';
import type { PrinterProfile } from '../profile/printer-profile';
import { mergeStatus, toDeviceStatus } from '../status/device-status';
import { UNKNOWN_READY, type PrinterStatus } from '../status/printer-status';
import { enableAsb, realtimeRequest } from '../status/status-bytes';
import { StatusReader, type StatusEvent } from '../status/status-reader';
import { extraPatch } from '../status/extra-status-patch';
import { processIdOf, processIdRequest } from '../status/process-id';
import type { PrinterTransport } from '../transport/printer-transport';
import { chunkEnds } from './chunk-ends';
import { errorForStatus, printFailure } from './printer-errors';
import { PrintJobLedger, type PrintConfirmation } from './print-job-ledger';
import { cut, feedDots, initialize } from '../escpos/escpos-commands';

export type { PrintConfirmation } from './print-job-ledger';

export interface ReceiptPrinterOptions {
  /** How long to wait for the replies to one status request. */
  readonly statusTimeoutMs?: number;
  /** How long one chunk may take to leave (a stalled printer). */
  readonly writeTimeoutMs?: number;
  /** How long a printed slip may take to be reported by its process ID (printing time). */
  readonly confirmTimeoutMs?: number;
  /** Bytes per write; between chunks the driver checks what ASB reported. */
  readonly chunkBytes?: number;
  /** Failed status polls before the printer is declared offline (debounces flapping links). */
  readonly missesBeforeOffline?: number;
  readonly now?: () => number;
}

export interface PrintResult {
  readonly jobId: string;
  /** True when this job id had already been printed: nothing was sent again. */
  readonly alreadyPrinted: boolean;
  readonly status: PrinterStatus;
  /** What told the driver the slip is printed. */
  readonly confirmedBy: PrintConfirmation;
}

/**
 * An ESC/POS receipt printer behind any transport: real-time status before each print
 * (`DLE EOT 1–4` plus the profile's extra status), automatic status back watched while printing,
 * status events for the device manager; a slip counts as printed only when the printer confirmed
 * it, and a retried job (same job id) is not printed twice when the printer confirmed the first.
 *
 * @example
 * const printer = new ReceiptPrinter(createTransport('tcp://10.0.0.5:9100'), loadProfile('epson-80mm-tcvn3'));
 * await printer.open();
 * printer.onStatus((e) => log(e.status));
 * await printer.print(renderReceipt(slip, profile, template).escpos, { jobId: slip.dossierCode });
 */
export class ReceiptPrinter implements Device {
  readonly id: string;
  private state_: DeviceState = 'closed';
  private readonly emitter: StatusEmitter;
  private readonly reader: StatusReader;
  private readonly presence: PresenceDebouncer;
  private last: PrinterStatus = UNKNOWN_READY;
  private waiters: ((e: StatusEvent) => void)[] = [];
  private readonly ledger = new PrintJobLedger();
  private readonly opts: Required<Omit<ReceiptPrinterOptions, 'now'>>;
  private unsubscribe: (() => void)[] = [];
  /** Set by an ASB frame that says printing cannot go on. */
  private asbFault: DeviceError | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  /** A print was stopped part-way: the partial slip is cut off before the next one. */
  private spoiled = false;
  /** Bytes we could not classify; exposed for diagnostics. */
  unexpectedBytes = 0;

  constructor(
    private readonly transport: PrinterTransport,
    private readonly profile: PrinterProfile,
    options: ReceiptPrinterOptions = {},
  ) {
    this.id = transport.uri;
    this.opts = {
      statusTimeoutMs: options.statusTimeoutMs ?? 1500,
      writeTimeoutMs: options.writeTimeoutMs ?? 10_000,
      confirmTimeoutMs: options.confirmTimeoutMs ?? 30_000,
      chunkBytes: options.chunkBytes ?? 1024,
      missesBeforeOffline: options.missesBeforeOffline ?? 2,
    };
    this.emitter = new StatusEmitter(this.id, options.now);
    this.reader = new StatusReader({
      asb: profile.status.asb,
      extra: profile.status.extra,
      processId: profile.status.processId ?? false,
    });
    this.presence = new PresenceDebouncer(this.opts.missesBeforeOffline, false);
  }

  get state(): DeviceState {
    return this.state_;
  }

  /** The last status read (or reported by ASB). */
  get lastStatus(): PrinterStatus {
    return this.last;
  }

  onStatus(listener: (event: DeviceStatusEvent) => void): () => void {
    return this.emitter.on(listener);
  }

  async open(): Promise<void> {
    if (this.transport.isOpen) return;
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [
      this.transport.onData((chunk) => this.onBytes(chunk)),
      this.transport.onClose(() => {
        this.reader.cancelPending();
        // Not reported as offline here: a link that drops and comes back at once is debounced
        // by the status polls (PresenceDebouncer); the next operation reconnects.
      }),
    ];
    await this.transport.open();
    if (this.state_ === 'closed' || this.state_ === 'error') this.state_ = 'idle';
    if (this.profile.status.asb && this.transport.bidirectional) {
      await this.transport.write(enableAsb(true), this.opts.writeTimeoutMs);
    }
  }

  async claim(): Promise<void> {
    await this.open();
  }

  async enable(): Promise<void> {
    await this.open();
  }

  async disable(): Promise<void> {
    /* status events keep flowing; nothing to switch off */
  }

  async release(): Promise<void> {
    /* a printer connection is not shared */
  }

  async close(): Promise<void> {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
    await this.transport.close();
    this.state_ = 'closed';
  }

  private onBytes(chunk: Uint8Array): void {
    for (const event of this.reader.feed(chunk)) {
      if (event.kind === 'unexpected') this.unexpectedBytes += event.bytes.length;
      if (event.kind === 'process-id') this.ledger.heard(event.id);
      if (event.kind === 'asb') {
        this.last = mergeStatus(this.last, event.patch);
        this.report(this.last);
        this.asbFault = errorForStatus(this.last, 'while printing') ?? undefined;
      }
      for (const w of this.waiters) w(event);
    }
  }

  private report(status: PrinterStatus): void {
    const { status: s, detail } = toDeviceStatus(status);
    this.emitter.emit(s, detail);
  }

  /** Serialises operations on the one connection (a status poll never interleaves a print). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.busy.then(task, task);
    this.busy = run.catch(() => undefined);
    return run;
  }

  /**
   * Polls the status every `intervalMs` so the device manager hears about paper, cover and
   * unplugging between prints (offline after `missesBeforeOffline` misses, then reconnects).
   * Returns the function that stops it.
   */
  watch(intervalMs: number): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      if (stopped) return;
      void this.status()
        .catch(() => undefined)
        .then(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs);
        });
    };
    timer = setTimeout(tick, intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** Reads the printer's status now (`DLE EOT n`, plus the profile's extra status). */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.readStatus());
  }

  private async readStatus(): Promise<PrinterStatus> {
    try {
      await this.open();
      if (!this.transport.bidirectional) return this.last;
      const status = await this.requestStatus();
      if (this.presence.observe(true) === 'appeared') this.emitter.emit('online');
      this.last = status;
      this.report(status);
      return status;
    } catch (error) {
      if (this.presence.observe(false) === 'gone' || !this.presence.isPresent) {
        this.emitter.emit('offline', error instanceof Error ? error.message : undefined);
      }
      await this.transport.close().catch(() => undefined);
      throw error instanceof DeviceError
        ? error
        : new DeviceError('PRINTER_OFFLINE', `${this.id}: ${String(error)}`, { cause: error });
    }
  }

  private requestStatus(): Promise<PrinterStatus> {
    const kinds = this.profile.status.realtime;
    const extra = this.profile.status.extra;
    let expected = kinds.length + (extra ? 1 : 0);
    let status: PrinterStatus = { ...this.last, extra: [] };
    return new Promise<PrinterStatus>((resolve, reject) => {
      const done = (error?: Error): void => {
        clearTimeout(timer);
        offClose();
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (error) {
          this.reader.cancelPending();
          reject(error);
        } else resolve(status);
      };
      const waiter = (e: StatusEvent): void => {
        if (e.kind === 'realtime') status = mergeStatus(status, e.patch);
        else if (e.kind === 'extra') status = mergeStatus(status, extraPatch(e.conditions));
        else return;
        expected -= 1;
        if (expected === 0) done();
      };
      const timer = setTimeout(
        () =>
          done(
            new DeviceError(
              'PRINTER_TIMEOUT',
              `${this.id} did not answer the status request within ${this.opts.statusTimeoutMs} ms`,
            ),
          ),
        this.opts.statusTimeoutMs,
      );
      // A connection that closes will not answer: fail now rather than at the deadline.
      const offClose = this.transport.onClose(() =>
        done(new DeviceError('PRINTER_OFFLINE', `${this.id} closed before the status answer`)),
      );
      this.waiters.push(waiter);
      const request: number[] = [];
      for (const n of kinds) {
        this.reader.expectRealtime(n);
        request.push(...realtimeRequest(n));
      }
      if (extra) {
        this.reader.expectExtra();
        request.push(...extra.request);
      }
      if (expected === 0) {
        done();
        return;
      }
      this.transport
        .write(Uint8Array.from(request), this.opts.writeTimeoutMs)
        .catch((e: unknown) => done(e as Error));
    });
  }

  /**
   * Prints ESC/POS bytes and resolves only once the printer confirmed the slip: refuses (with
   * PRINTER_PAPER_OUT, PRINTER_COVER_OPEN, ...) if the printer cannot print, stops sending if ASB
   * reports a fault mid-print, then — on the same connection — reads the status after the cut
   * and, where the profile has it, waits for the printer's process ID response (printed).
   * A link that drops is PRINTER_LINK_LOST, one that stalls PRINTER_NOT_CONFIRMED: in neither
   * case is the slip printed. With the same `jobId`, a confirmed job is not sent again, and an
   * unconfirmed one is not sent again if the printer reports its process ID on reconnecting.
   */
  print(
    bytes: Uint8Array,
    options: { jobId?: string; boundaries?: readonly number[] } = {},
  ): Promise<PrintResult> {
    const jobId = options.jobId ?? `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    return this.exclusive(async () => {
      const done = this.ledger.confirmation(jobId);
      if (done) return { jobId, alreadyPrinted: true, status: this.last, confirmedBy: done };
      const before = await this.readStatus();
      const processId =
        this.profile.status.processId && this.transport.bidirectional
          ? processIdOf(jobId)
          : undefined;
      if (processId && this.ledger.isUnconfirmed(jobId) && this.ledger.wasHeard(processId)) {
        // The printer finished the slip after the link broke and said so when we reconnected.
        this.spoiled = false;
        this.ledger.confirm(jobId, 'process-id');
        return { jobId, alreadyPrinted: true, status: before, confirmedBy: 'process-id' };
      }
      const refuse = errorForStatus(before, 'cannot print');
      if (refuse) throw refuse;
      if (processId) this.ledger.unhear(processId);
      this.state_ = 'busy';
      this.asbFault = undefined;
      try {
        await this.send(bytes, options.boundaries, processId);
        const confirmed = await this.confirm(processId);
        this.ledger.confirm(jobId, confirmed.by);
        this.state_ = 'idle';
        return {
          jobId,
          alreadyPrinted: false,
          status: confirmed.status,
          confirmedBy: confirmed.by,
        };
      } catch (error) {
        // Part of the job may be on paper: cut it off before the next slip, and let a retry look
        // for the printer's late confirmation before sending it again.
        this.state_ = 'error';
        this.spoiled = true;
        this.ledger.leaveUnconfirmed(jobId);
        const failure = printFailure(error, `${this.id}: job ${jobId}`);
        if (failure.code === 'PRINTER_LINK_LOST' || failure.code === 'PRINTER_NOT_CONFIRMED')
          await this.transport.close().catch(() => undefined);
        else this.report(this.last);
        throw failure;
      }
    });
  }

  /** Sends the job (after cutting off a stopped one), then the process ID request if any. */
  private async send(
    bytes: Uint8Array,
    boundaries: readonly number[] | undefined,
    processId: string | undefined,
  ): Promise<void> {
    if (this.spoiled) {
      await this.transport.write(this.cutOffSpoiled(), this.opts.writeTimeoutMs);
      this.spoiled = false;
    }
    let at = 0;
    for (const end of chunkEnds(bytes.length, this.opts.chunkBytes, boundaries)) {
      if (this.asbFault) throw stoppedAt(this.asbFault, at, bytes.length);
      await this.transport.write(bytes.subarray(at, end), this.opts.writeTimeoutMs);
      at = end;
    }
    if (processId)
      await this.transport.write(processIdRequest(processId), this.opts.writeTimeoutMs);
  }

  /**
   * The printer's word that the slip is out: a status read after the cut, on the connection that
   * carried the job (it answers only once every byte before the request has arrived), that
   * shows no error; then, where the profile has it, the process ID response (sent once printed).
   */
  private async confirm(
    processId: string | undefined,
  ): Promise<{ status: PrinterStatus; by: PrintConfirmation }> {
    if (!this.transport.bidirectional) return { status: this.last, by: 'none' };
    const status = await this.requestStatus();
    this.last = status;
    this.report(status);
    const fault = errorForStatus(status, 'printed with an error') ?? this.asbFault;
    if (fault) throw fault;
    if (!processId) return { status, by: 'status' };
    await this.processIdReported(processId);
    return { status: this.last, by: 'process-id' };
  }

  /** Resolves when the printer reports `processId` printed; rejects on a fault, close or deadline. */
  private processIdReported(processId: string): Promise<void> {
    if (this.ledger.wasHeard(processId)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        offClose();
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (error) reject(error);
        else resolve();
      };
      const waiter = (e: StatusEvent): void => {
        if (e.kind === 'process-id' && e.id === processId) finish();
        else if (e.kind === 'asb' && this.asbFault) finish(this.asbFault);
      };
      const timer = setTimeout(
        () =>
          finish(
            new DeviceError(
              'PRINTER_NOT_CONFIRMED',
              `${this.id} did not report the slip printed within ${this.opts.confirmTimeoutMs} ms`,
            ),
          ),
        this.opts.confirmTimeoutMs,
      );
      const offClose = this.transport.onClose(() =>
        finish(
          new DeviceError(
            'PRINTER_OFFLINE',
            `${this.id} closed before the slip was reported printed`,
          ),
        ),
      );
      this.waiters.push(waiter);
    });
  }

  /** `ESC @`, feed past the cutter, cut: separates a stopped slip from the reprint. */
  private cutOffSpoiled(): Uint8Array {
    const { cutter } = this.profile;
    return Uint8Array.from([
      ...initialize(),
      ...feedDots(this.profile.feedBeforeCutDots),
      ...(cutter === 'none' ? [] : cut(cutter)),
    ]);
  }
}

function stoppedAt(fault: DeviceError, at: number, total: number): DeviceError {
  return new DeviceError(
    fault.code,
    `${fault.message}; printing stopped after ${at} of ${total} bytes, the receipt is kept for reprint`,
  );
}
