import { MrzError } from '../codec/mrz-error';

/**
 * Framing of the text document readers send. Swipe and full-page readers emit the MRZ lines as
 * ASCII, each ended by a configurable terminator; some wrap the whole document in STX … ETX.
 */
export type LineTerminator = 'CR' | 'LF' | 'CRLF' | 'any';

export type MrzFraming =
  | { readonly kind: 'lines'; readonly terminator: LineTerminator }
  | { readonly kind: 'stx-etx'; readonly terminator: LineTerminator };

export type FrameEvent =
  | { readonly kind: 'frame'; readonly lines: readonly string[] }
  | { readonly kind: 'error'; readonly error: MrzError };

const STX = '\u0002';
const ETX = '\u0003';
/** The longest MRZ is 3 × 30 or 2 × 44 characters; anything far beyond is not an MRZ. */
const MAX_FRAME_CHARS = 256;

const SPLITTERS: Readonly<Record<LineTerminator, RegExp>> = {
  CR: /\r/,
  LF: /\n/,
  CRLF: /\r\n/,
  any: /\r\n|\r|\n/,
};

function truncated(detail: string): FrameEvent {
  return {
    kind: 'error',
    error: new MrzError('MRZ_FRAME_TRUNCATED', `incomplete MRZ frame: ${detail}`),
  };
}

function garbage(detail: string): FrameEvent {
  return { kind: 'error', error: new MrzError('MRZ_FRAME_GARBAGE', `not an MRZ frame: ${detail}`) };
}

/** The number of lines a document has, judged from the length of its first line. */
function expectedLines(length: number): number | undefined {
  if (length === 30) return 3;
  if (length === 36 || length === 44) return 2;
  return undefined;
}

/**
 * Turns a byte stream into MRZ frames. Pure and incremental: feed chunks as they arrive (split
 * anywhere), call `flush()` when the line goes quiet or closes.
 */
export class MrzFrameDecoder {
  private buffer = '';
  private pending: string[] = [];
  private inFrame = false;

  constructor(private readonly framing: MrzFraming) {}

  push(chunk: Uint8Array | string): FrameEvent[] {
    // latin1 maps every byte to one character, so binary garbage survives to be reported.
    this.buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    return this.framing.kind === 'lines' ? this.drainLines() : this.drainStxEtx();
  }

  /** The line went quiet or closed: whatever is half-received is a truncated frame. */
  flush(): FrameEvent[] {
    const events: FrameEvent[] = [];
    if (this.framing.kind === 'lines' && /^[^\r\n]*\r$/.test(this.buffer)) {
      // A CR held back in case an LF followed: the line is complete after all.
      const line = this.buffer.slice(0, -1).trim();
      this.buffer = '';
      events.push(...this.acceptLine(line));
    }
    const partial = this.buffer.replace(/[\r\n]+$/, '');
    if (this.pending.length > 0 || partial.length > 0) {
      events.push(
        truncated(`${this.pending.length} complete line(s) and ${partial.length} more characters`),
      );
    }
    this.buffer = '';
    this.pending = [];
    this.inFrame = false;
    return events;
  }

  get hasPending(): boolean {
    return this.pending.length > 0 || this.buffer.length > 0;
  }

  private drainLines(): FrameEvent[] {
    const events: FrameEvent[] = [];
    const splitter = SPLITTERS[this.framing.terminator];
    for (;;) {
      const m = splitter.exec(this.buffer);
      if (!m) break;
      // With `any`, a CR at the very end may be the first half of CRLF: wait for the next byte.
      if (
        this.framing.terminator === 'any' &&
        m[0] === '\r' &&
        m.index === this.buffer.length - 1
      ) {
        break;
      }
      const line = this.buffer.slice(0, m.index).trim();
      this.buffer = this.buffer.slice(m.index + m[0].length);
      events.push(...this.acceptLine(line));
    }
    if (this.buffer.length > MAX_FRAME_CHARS) {
      events.push(garbage(`${this.buffer.length} characters without a line end`));
      this.buffer = '';
      this.pending = [];
    }
    return events;
  }

  private acceptLine(line: string): FrameEvent[] {
    if (line.length === 0) {
      // A blank line ends a document; with nothing pending it is just a spare terminator.
      if (this.pending.length === 0) return [];
      const n = this.pending.length;
      this.pending = [];
      return [truncated(`the document ended after ${n} line(s)`)];
    }
    const first = this.pending[0];
    if (first !== undefined && line.length !== first.length) {
      this.pending = [];
      const events = [
        truncated(`a ${line.length}-character line followed a ${first.length}-character one`),
      ];
      return [...events, ...this.acceptLine(line)];
    }
    const want = expectedLines(line.length);
    if (want === undefined) {
      this.pending = [];
      return [
        line.length < 30
          ? truncated(`a line of ${line.length} characters`)
          : garbage(`a line of ${line.length} characters`),
      ];
    }
    this.pending.push(line);
    if (this.pending.length < want) return [];
    const lines = this.pending;
    this.pending = [];
    return [{ kind: 'frame', lines }];
  }

  private drainStxEtx(): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (;;) {
      if (!this.inFrame) {
        const start = this.buffer.indexOf(STX);
        const noise = (start < 0 ? this.buffer : this.buffer.slice(0, start)).replace(
          /[\r\n]/g,
          '',
        );
        if (noise.length > 0) events.push(garbage(`${noise.length} characters outside STX/ETX`));
        if (start < 0) {
          this.buffer = '';
          return events;
        }
        this.buffer = this.buffer.slice(start + 1);
        this.inFrame = true;
      }
      const end = this.buffer.indexOf(ETX);
      const restart = this.buffer.indexOf(STX);
      if (restart >= 0 && (end < 0 || restart < end)) {
        events.push(truncated('a new STX arrived before ETX'));
        this.buffer = this.buffer.slice(restart);
        this.inFrame = false;
        continue;
      }
      if (end < 0) {
        if (this.buffer.length > MAX_FRAME_CHARS) {
          events.push(garbage('frame too long'));
          this.buffer = '';
          this.inFrame = false;
        }
        return events;
      }
      const body = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      this.inFrame = false;
      const lines = body
        .split(SPLITTERS[this.framing.terminator])
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      const want = expectedLines(lines[0]?.length ?? 0);
      if (want === undefined || lines.some((l) => l.length !== lines[0]?.length)) {
        events.push(garbage('the frame does not hold MRZ lines'));
      } else if (lines.length < want) {
        events.push(truncated(`the frame holds ${lines.length} of ${want} lines`));
      } else if (lines.length > want) {
        events.push(garbage(`the frame holds ${lines.length} lines`));
      } else {
        events.push({ kind: 'frame', lines });
      }
    }
  }
}

/** Encodes MRZ lines the way a reader with this framing sends them (simulators and tests). */
export function encodeMrzFrame(lines: readonly string[], framing: MrzFraming): string {
  const end = framing.terminator === 'LF' ? '\n' : framing.terminator === 'CR' ? '\r' : '\r\n';
  const body = lines.map((l) => `${l}${end}`).join('');
  return framing.kind === 'stx-etx' ? `${STX}${body}${ETX}` : `${body}${end}`;
}
