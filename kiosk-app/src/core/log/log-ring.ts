import type { LogLevel } from './logger';

/** How many log lines the core keeps in memory for the support export. */
export const LOG_RING_CAPACITY = 2000;

/** A warn/error event as the health report lists it (fields already redacted by the logger). */
export interface RecentLogEvent {
  readonly at: string;
  readonly level: 'warn' | 'error';
  readonly event: string;
  /** The line's other fields, for support; already redacted. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * The last {@link LOG_RING_CAPACITY} log lines of the running core, as the logger wrote them
 * (already redacted). Support exports them (`logs.export`) and the health report lists the last
 * warnings and errors; nothing is written to disk here.
 *
 * @example
 * const ring = new LogRing();
 * const logger = teeLogger(stderrLogger(), (line) => ring.push(line));
 */
export class LogRing {
  private readonly buffer: string[] = [];
  private start = 0;
  /** Lines pushed since the core started; the sequence number of the next line. */
  private pushed = 0;

  constructor(readonly capacity: number = LOG_RING_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a whole number ≥ 1, not ${capacity}`);
  }

  push(line: string): void {
    if (this.buffer.length < this.capacity) this.buffer.push(line);
    else {
      this.buffer[this.start] = line;
      this.start = (this.start + 1) % this.capacity;
    }
    this.pushed += 1;
  }

  /** The kept lines, oldest first. */
  lines(): string[] {
    return [...this.buffer.slice(this.start), ...this.buffer.slice(0, this.start)];
  }

  /** Sequence number of the oldest kept line (lines before it were overwritten). */
  get firstSequence(): number {
    return this.pushed - this.buffer.length;
  }

  /** Sequence number the next line will get. */
  get nextSequence(): number {
    return this.pushed;
  }

  /** The kept lines from sequence number `from` on (clamped to what is still kept). */
  linesFrom(from: number): { readonly first: number; readonly lines: string[] } {
    const first = Math.max(from, this.firstSequence);
    const all = this.lines();
    return { first, lines: all.slice(first - this.firstSequence) };
  }

  /** The last `limit` warn/error events, newest last. */
  recentProblems(limit = 20): RecentLogEvent[] {
    const found: RecentLogEvent[] = [];
    const all = this.lines();
    for (let i = all.length - 1; i >= 0 && found.length < limit; i -= 1) {
      const event = problemOf(all[i] ?? '');
      if (event) found.push(event);
    }
    return found.reverse();
  }
}

const PROBLEM_LEVELS: readonly LogLevel[] = ['warn', 'error'];

function problemOf(line: string): RecentLogEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { at, level, event, ...fields } = parsed as Record<string, unknown>;
  if (typeof level !== 'string' || !(PROBLEM_LEVELS as readonly string[]).includes(level))
    return undefined;
  return {
    at: typeof at === 'string' ? at : '',
    level: level as 'warn' | 'error',
    event: typeof event === 'string' ? event : '',
    fields,
  };
}
