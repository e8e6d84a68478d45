import type { SmsQueue } from './sms-queue';
import {
  openTransmitter,
  SmsSendError,
  type SmscAccount,
  type SmppTransmitter,
} from './smpp-transmitter';

export interface SmsNotifierOptions {
  readonly account: SmscAccount;
  /** The short code (đầu số) messages come from, e.g. 8088. */
  readonly shortCode: string;
  /** Wait before the next attempt after a failed bind or submit; default 5 s. */
  readonly retryMs?: number;
  readonly now?: () => number;
  /** Told of each failed attempt (the simulator prints it; no phone number in it). */
  readonly onFailure?: (error: SmsSendError) => void;
  /** Told after each message the SMSC accepted. */
  readonly onSent?: () => void;
}

/**
 * Sends the queued status messages over SMPP. Woken when a message is queued; sends everything
 * due over one transmitter bind, then unbinds. A failure (connection refused, bind refused,
 * submit refused, link lost) leaves the message queued and retries after `retryMs`, for as long
 * as it takes. A message counts as sent only on the SMSC's submit_sm_resp with ESME_ROK; a link
 * lost between the SMSC's commit and its answer sends that one message again (at least once).
 */
export class SmsNotifier {
  private running: Promise<void> | undefined;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly queue: SmsQueue,
    private readonly options: SmsNotifierOptions,
  ) {}

  /** Sends what is due now, or right after the current round. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves when the current round is over. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.idle();
  }

  private async round(): Promise<void> {
    const due = this.queue.due();
    if (due.length === 0) return;
    const now = this.options.now ?? Date.now;
    let transmitter: SmppTransmitter | undefined;
    let current = due[0];
    try {
      transmitter = await openTransmitter(this.options.account);
      for (const sms of due) {
        current = sms;
        if (this.closed) break;
        const messageId = await transmitter.submit({
          source: this.options.shortCode,
          destination: sms.destination,
          text: sms.text,
        });
        this.queue.markSent(sms.id, messageId, now());
        this.options.onSent?.();
      }
    } catch (error) {
      const failure =
        error instanceof SmsSendError ? error : new SmsSendError('SMSC_UNREACHABLE', String(error));
      if (current) this.queue.markFailed(current.id, `${failure.code}: ${failure.message}`);
      this.options.onFailure?.(failure);
      if (!this.closed)
        this.retryTimer = setTimeout(() => this.wake(), this.options.retryMs ?? 5000);
    } finally {
      await transmitter?.close();
    }
  }
}
