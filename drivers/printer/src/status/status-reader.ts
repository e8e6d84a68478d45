import type { ExtraStatus, ExtraStatusCondition } from '../profile/printer-profile';
import {
  isProcessIdByte,
  PROCESS_ID_RESPONSE_HEADER,
  PROCESS_ID_RESPONSE_IDENTIFIER,
  PROCESS_ID_RESPONSE_LENGTH,
} from './process-id';
import {
  decodeAsb,
  decodeRealtime,
  isAsbFirst,
  isAsbFollowing,
  isRealtimeReply,
  type RealtimeKind,
  type StatusPatch,
} from './status-bytes';

export type StatusEvent =
  | {
      readonly kind: 'realtime';
      readonly n: RealtimeKind;
      readonly byte: number;
      readonly patch: StatusPatch;
    }
  | { readonly kind: 'asb'; readonly bytes: readonly number[]; readonly patch: StatusPatch }
  | {
      readonly kind: 'extra';
      readonly bytes: readonly number[];
      readonly conditions: readonly ExtraStatusCondition[];
    }
  /** The printer finished the data tied to this process id (`GS ( H` fn 48). */
  | { readonly kind: 'process-id'; readonly id: string; readonly bytes: readonly number[] }
  /** Bytes that are none of the above (line noise, replies to other commands): reported, skipped. */
  | { readonly kind: 'unexpected'; readonly bytes: readonly number[] };

type Frame =
  { readonly type: 'asb' | 'extra' | 'process-id'; readonly bytes: number[] } | undefined;

/** Does `b` continue a process ID response that has `at` bytes so far (header included)? */
function continuesProcessId(at: number, b: number): boolean {
  if (at === 1) return b === PROCESS_ID_RESPONSE_IDENTIFIER;
  if (at < PROCESS_ID_RESPONSE_LENGTH - 1) return isProcessIdByte(b);
  return b === 0x00;
}

/**
 * Splits the byte stream coming back from a printer into status replies. Real-time replies are
 * matched to the requests in the order they were sent (the printer answers in order); automatic
 * status back frames may arrive at any time, even between the bytes of other replies' requests;
 * a profile's extra status and the process ID response (where the profile has them) are
 * recognised by their headers. Anything else is reported as
 * `unexpected` and never throws, so garbage on the line cannot take the driver down.
 */
export class StatusReader {
  private readonly pendingRealtime: RealtimeKind[] = [];
  private pendingExtra = 0;
  private frame: Frame;
  private junk: number[] = [];

  constructor(
    private readonly options: {
      readonly asb: boolean;
      readonly extra?: ExtraStatus | undefined;
      /** The printer answers `GS ( H` fn 48 with process ID responses. */
      readonly processId?: boolean;
    },
  ) {}

  expectRealtime(n: RealtimeKind): void {
    this.pendingRealtime.push(n);
  }

  expectExtra(): void {
    if (this.options.extra) this.pendingExtra += 1;
  }

  /** Forget requests that timed out, so a late reply is not matched to a newer request. */
  cancelPending(): void {
    this.pendingRealtime.length = 0;
    this.pendingExtra = 0;
  }

  get waiting(): number {
    return this.pendingRealtime.length + this.pendingExtra;
  }

  feed(chunk: Uint8Array | readonly number[]): StatusEvent[] {
    const events: StatusEvent[] = [];
    const queue = [...chunk];
    let noExtraStart = false;
    let noProcessIdStart = false;
    while (queue.length > 0) {
      const b = queue.shift() as number;
      const frame = this.frame;
      if (frame?.type === 'asb') {
        if (isAsbFollowing(b)) {
          frame.bytes.push(b);
          if (frame.bytes.length === 4) {
            this.frame = undefined;
            this.flushJunk(events);
            const bytes = frame.bytes as [number, number, number, number];
            events.push({ kind: 'asb', bytes, patch: decodeAsb(bytes) });
          }
          continue;
        }
        this.frame = undefined;
        this.junk.push(...frame.bytes);
      } else if (frame?.type === 'extra' && this.options.extra) {
        const extra = this.options.extra;
        const i = frame.bytes.length;
        if (i >= extra.replyHeader.length || extra.replyHeader[i] === b) {
          frame.bytes.push(b);
          if (frame.bytes.length === extra.replyLength) {
            this.frame = undefined;
            this.pendingExtra = Math.max(0, this.pendingExtra - 1);
            this.flushJunk(events);
            events.push({
              kind: 'extra',
              bytes: frame.bytes,
              conditions: conditions(extra, frame.bytes),
            });
          }
          continue;
        }
        // Not the extra reply after all: read those bytes again as something else.
        this.frame = undefined;
        queue.unshift(...frame.bytes, b);
        noExtraStart = true;
        continue;
      }
      if (frame?.type === 'process-id') {
        if (continuesProcessId(frame.bytes.length, b)) {
          frame.bytes.push(b);
          if (frame.bytes.length === PROCESS_ID_RESPONSE_LENGTH) {
            this.frame = undefined;
            this.flushJunk(events);
            const id = String.fromCharCode(...frame.bytes.slice(2, -1));
            events.push({ kind: 'process-id', id, bytes: frame.bytes });
          }
          continue;
        }
        // Not a process ID response after all (its header byte is printable ASCII): re-read.
        this.frame = undefined;
        queue.unshift(...frame.bytes, b);
        noProcessIdStart = true;
        continue;
      }
      const extra = this.options.extra;
      if (extra && this.pendingExtra > 0 && !noExtraStart && b === extra.replyHeader[0]) {
        this.frame = { type: 'extra', bytes: [b] };
        continue;
      }
      noExtraStart = false;
      if (this.options.processId && !noProcessIdStart && b === PROCESS_ID_RESPONSE_HEADER) {
        this.frame = { type: 'process-id', bytes: [b] };
        continue;
      }
      noProcessIdStart = false;
      if (isRealtimeReply(b) && this.pendingRealtime.length > 0) {
        const n = this.pendingRealtime.shift() as RealtimeKind;
        this.flushJunk(events);
        events.push({ kind: 'realtime', n, byte: b, patch: decodeRealtime(n, b) });
      } else if (this.options.asb && isAsbFirst(b)) {
        this.frame = { type: 'asb', bytes: [b] };
      } else {
        this.junk.push(b);
      }
    }
    this.flushJunk(events);
    return events;
  }

  private flushJunk(events: StatusEvent[]): void {
    if (this.junk.length === 0) return;
    events.push({ kind: 'unexpected', bytes: this.junk });
    this.junk = [];
  }
}

function conditions(extra: ExtraStatus, bytes: readonly number[]): ExtraStatusCondition[] {
  return extra.bits
    .filter((bit) => ((bytes[bit.byte] ?? 0) & bit.mask) !== 0)
    .map((bit) => bit.condition);
}
