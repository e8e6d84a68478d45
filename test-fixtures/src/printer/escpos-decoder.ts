import QRCode from 'qrcode';
import { TCVN3_TABLES, decodeWindows1258, isTcvn3Page } from '@kiosk/printer';
import { emptyReceipt, type DecodedReceipt } from './decoded-receipt';

/** What the decoder asks its host to do besides recording the receipt. */
export type DecoderAction =
  | { readonly kind: 'realtime-status'; readonly n: number }
  | { readonly kind: 'asb'; readonly enabled: boolean }
  | { readonly kind: 'transmit-status'; readonly n: number }
  /** `GS ( H` fn 48: answer with this id once the data before it is printed. */
  | { readonly kind: 'process-id'; readonly id: string }
  | { readonly kind: 'receipt'; readonly receipt: DecodedReceipt };

type Align = 'left' | 'center' | 'right';
const ALIGN: readonly Align[] = ['left', 'center', 'right'];

interface Cell {
  readonly page: number;
  readonly byte: number;
}

const NEED_MORE = -1;

/**
 * A streaming interpreter of the ESC/POS subset receipt printers use: text with code pages
 * (TCVN-3 30/31, windows-1258 52, ASCII), `ESC E/a/t/3/2/J/d/!/M/@`, `GS ! v0 (k (H V a k h w H L`,
 * `DLE EOT n`. Commands split across reads are completed with the next bytes; unknown commands
 * are skipped and listed, so a fuzzed stream never throws.
 */
export class EscPosDecoder {
  private pending: number[] = [];
  private receipt: DecodedReceipt = emptyReceipt();
  private line: Cell[] = [];
  private page = 0;
  private bold = false;
  private widthMul = 1;
  private heightMul = 1;
  private align: Align = 'left';
  private lineSpacing = 30;
  private y = 0;
  private qrData = '';
  private qrModule = 3;
  private qrLevel = 'L';
  private barcodeHeight = 162;

  /** Whether the mechanism can print now; bytes received otherwise mark the receipt incomplete. */
  canPrint: () => boolean = () => true;

  feed(chunk: Uint8Array | readonly number[]): DecoderAction[] {
    const actions: DecoderAction[] = [];
    const buf = this.pending.concat(Array.from(chunk));
    let i = 0;
    while (i < buf.length) {
      const used = this.step(buf, i, actions);
      if (used === NEED_MORE) break;
      this.receipt.bytes += used;
      i += used;
    }
    this.pending = buf.slice(i);
    return actions;
  }

  /** Ends the current receipt without a cut (connection closed); undefined if nothing was printed. */
  flush(): DecodedReceipt | undefined {
    if (this.line.length > 0) this.printLine();
    const r = { ...this.receipt, height: this.y };
    const empty =
      r.lines.length === 0 &&
      r.images.length === 0 &&
      r.qrCodes.length === 0 &&
      r.barcodes.length === 0;
    this.receipt = emptyReceipt();
    this.y = 0;
    return empty ? undefined : r;
  }

  private reset(): void {
    this.page = 0;
    this.bold = false;
    this.widthMul = 1;
    this.heightMul = 1;
    this.align = 'left';
    this.lineSpacing = 30;
    this.line = [];
  }

  private mark(): void {
    if (!this.canPrint()) this.receipt.incomplete = true;
  }

  private decodeLine(cells: readonly Cell[]): { text: string; pages: number[] } {
    let text = '';
    const pages: number[] = [];
    let run: number[] = [];
    let runPage = -1;
    const flush = (): void => {
      if (run.length === 0) return;
      if (runPage === 52) text += decodeWindows1258(Uint8Array.from(run));
      else if (isTcvn3Page(runPage))
        text += run
          .map((b) => String.fromCodePoint(TCVN3_TABLES[runPage as 30 | 31][b] ?? 0xfffd))
          .join('');
      else text += run.map((b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
      run = [];
    };
    for (const c of cells) {
      if (c.page !== runPage) {
        flush();
        runPage = c.page;
        if (c.byte >= 0x80 && !pages.includes(c.page)) pages.push(c.page);
      } else if (c.byte >= 0x80 && !pages.includes(c.page)) pages.push(c.page);
      run.push(c.byte);
    }
    flush();
    return { text: text.normalize('NFC').replace(/\s+$/, ''), pages };
  }

  private printLine(): void {
    // An empty line advances by the line spacing only; a line of text by at least its height.
    const height =
      this.line.length > 0 ? Math.max(this.lineSpacing, 24 * this.heightMul) : this.lineSpacing;
    if (this.line.length > 0) {
      this.mark();
      const { text, pages } = this.decodeLine(this.line);
      this.receipt.lines.push({
        text,
        bold: this.bold,
        doubleHeight: this.heightMul > 1,
        doubleWidth: this.widthMul > 1,
        align: this.align,
        codePages: pages,
        y: this.y,
      });
    }
    this.line = [];
    this.y += height;
  }

  /** ESC J n: prints what is buffered and feeds n dots from the top of that line. */
  private feedDots(n: number): void {
    if (this.line.length > 0) {
      const top = this.y;
      this.printLine();
      this.y = Math.max(this.y, top + n);
    } else this.y += n;
  }

  private cut(actions: DecoderAction[]): void {
    if (this.line.length > 0) this.printLine();
    this.receipt.cuts += 1;
    const receipt = { ...this.receipt, height: this.y };
    actions.push({ kind: 'receipt', receipt });
    this.receipt = emptyReceipt();
    this.y = 0;
  }

  /** Interprets one command or character at `i`; returns bytes used or NEED_MORE. */
  private step(b: readonly number[], i: number, actions: DecoderAction[]): number {
    const c = b[i] ?? 0;
    const at = (k: number): number | undefined => b[i + k];
    const need = (n: number): boolean => i + n > b.length;
    if (c === 0x0a) {
      this.printLine();
      return 1;
    }
    if (c === 0x0d || c === 0x00) return 1;
    if (c === 0x10) {
      if (need(3)) return NEED_MORE;
      if (at(1) === 0x04) {
        actions.push({ kind: 'realtime-status', n: at(2) ?? 0 });
        return 3;
      }
      if (at(1) === 0x05) return 3; // DLE ENQ n: real-time request
      if (at(1) === 0x14) return need(5) ? NEED_MORE : 5; // DLE DC4 fn m t
      return 1;
    }
    if (c === 0x1b) return this.esc(b, i);
    if (c === 0x1c) {
      if (need(2)) return NEED_MORE;
      return 2; // FS . / FS & (Kanji on/off) and other 2-byte FS commands
    }
    if (c === 0x1d) return this.gs(b, i, actions);
    if (c < 0x20) return 1; // other control characters: ignored like the printer does
    this.line.push({ page: this.page, byte: c });
    return 1;
  }

  private esc(b: readonly number[], i: number): number {
    if (i + 2 > b.length) return NEED_MORE;
    const cmd = b[i + 1] ?? 0;
    const n = b[i + 2];
    const withN = (apply: (n: number) => void): number => {
      if (n === undefined) return NEED_MORE;
      apply(n);
      return 3;
    };
    switch (cmd) {
      case 0x40: // ESC @
        this.reset();
        return 2;
      case 0x32: // ESC 2: default line spacing
        this.lineSpacing = 30;
        return 2;
      case 0x33:
        return withN((v) => (this.lineSpacing = v));
      case 0x45:
      case 0x47:
        return withN((v) => (this.bold = (v & 1) === 1));
      case 0x61:
        return withN((v) => (this.align = ALIGN[v % 48] ?? 'left'));
      case 0x74:
        return withN((v) => (this.page = v));
      case 0x4a:
        return withN((v) => this.feedDots(v));
      case 0x64:
        return withN((v) => {
          for (let k = 0; k < v; k++) this.printLine();
        });
      case 0x21:
        return withN((v) => {
          this.bold = (v & 0x08) !== 0;
          this.heightMul = v & 0x10 ? 2 : 1;
          this.widthMul = v & 0x20 ? 2 : 1;
        });
      case 0x24:
      case 0x5c:
        return i + 4 > b.length ? NEED_MORE : 4; // ESC $ / ESC \ nL nH
      case 0x70:
        return i + 5 > b.length ? NEED_MORE : 5; // ESC p m t1 t2 (drawer pulse)
      case 0x4d:
      case 0x2d:
      case 0x52:
      case 0x3d:
      case 0x7b:
      case 0x20:
      case 0x63:
        return withN(() => undefined);
      default:
        this.receipt.unknown.push(`1b${cmd.toString(16).padStart(2, '0')}`);
        return 2;
    }
  }

  private gs(b: readonly number[], i: number, actions: DecoderAction[]): number {
    if (i + 2 > b.length) return NEED_MORE;
    const cmd = b[i + 1] ?? 0;
    const n = b[i + 2];
    const has = (len: number): boolean => i + len <= b.length;
    switch (cmd) {
      case 0x21: // GS ! n: character size
        if (n === undefined) return NEED_MORE;
        this.widthMul = ((n >> 4) & 7) + 1;
        this.heightMul = (n & 7) + 1;
        return 3;
      case 0x61: // GS a n: automatic status back
        if (n === undefined) return NEED_MORE;
        actions.push({ kind: 'asb', enabled: n !== 0 });
        return 3;
      case 0x72: // GS r n: transmit status
        if (n === undefined) return NEED_MORE;
        actions.push({ kind: 'transmit-status', n });
        return 3;
      case 0x56: {
        // GS V m [n]: cut
        if (n === undefined) return NEED_MORE;
        const withFeed = n >= 65;
        if (withFeed && !has(4)) return NEED_MORE;
        if (withFeed) this.feedDots(b[i + 3] ?? 0);
        this.cut(actions);
        return withFeed ? 4 : 3;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d...
        if (!has(8)) return NEED_MORE;
        const x = (b[i + 4] ?? 0) + (b[i + 5] ?? 0) * 256;
        const y = (b[i + 6] ?? 0) + (b[i + 7] ?? 0) * 256;
        if (!has(8 + x * y)) return NEED_MORE;
        if (this.line.length > 0) this.printLine();
        this.mark();
        const width = x * 8;
        const ink = new Uint8Array(width * y);
        for (let row = 0; row < y; row++) {
          for (let col = 0; col < width; col++) {
            const byte = b[i + 8 + row * x + (col >> 3)] ?? 0;
            ink[row * width + col] = (byte >> (7 - (col & 7))) & 1;
          }
        }
        this.receipt.images.push({ y: this.y, width, height: y, align: this.align, ink });
        this.y += y;
        return 8 + x * y;
      }
      case 0x28: {
        // GS ( fn pL pH ...
        if (!has(5)) return NEED_MORE;
        const len = (b[i + 3] ?? 0) + (b[i + 4] ?? 0) * 256;
        if (!has(5 + len)) return NEED_MORE;
        if (n === 0x6b) this.symbol(b.slice(i + 5, i + 5 + len));
        // GS ( H fn 48 m 48 d1..d4: the process ID response (Epson ESC/POS reference).
        if (n === 0x48 && len === 6 && b[i + 5] === 48 && b[i + 6] === 48)
          actions.push({
            kind: 'process-id',
            id: String.fromCharCode(...b.slice(i + 7, i + 11)),
          });
        return 5 + len;
      }
      case 0x6b: {
        // GS k m ...: barcode
        if (n === undefined) return NEED_MORE;
        if (n <= 6) {
          let end = i + 3;
          while (end < b.length && b[end] !== 0) end++;
          if (end >= b.length) return NEED_MORE;
          this.barcode(n, b.slice(i + 3, end));
          return end - i + 1;
        }
        if (!has(4)) return NEED_MORE;
        const len = b[i + 3] ?? 0;
        if (!has(4 + len)) return NEED_MORE;
        this.barcode(n, b.slice(i + 4, i + 4 + len));
        return 4 + len;
      }
      case 0x68: // GS h n: barcode height
        if (n === undefined) return NEED_MORE;
        this.barcodeHeight = n;
        return 3;
      case 0x4c:
      case 0x57:
      case 0x24:
        return has(4) ? 4 : NEED_MORE;
      case 0x77:
      case 0x48:
      case 0x66:
      case 0x42:
      case 0x62:
      case 0x49:
        return n === undefined ? NEED_MORE : 3;
      default:
        this.receipt.unknown.push(`1d${cmd.toString(16).padStart(2, '0')}`);
        return 2;
    }
  }

  /** `GS ( k` QR code functions (cn 49): 65 model, 67 size, 69 error level, 80 store, 81 print. */
  private symbol(params: readonly number[]): void {
    const [cn, fn, ...rest] = params;
    if (cn !== 0x31) return;
    if (fn === 0x43) this.qrModule = rest[0] ?? this.qrModule;
    else if (fn === 0x45) this.qrLevel = ['L', 'M', 'Q', 'H'][(rest[0] ?? 48) - 48] ?? 'L';
    else if (fn === 0x50) this.qrData = Buffer.from(rest.slice(1)).toString('utf8');
    else if (fn === 0x51) {
      if (this.line.length > 0) this.printLine();
      this.mark();
      this.receipt.qrCodes.push({
        y: this.y,
        payload: this.qrData,
        moduleDots: this.qrModule,
        errorLevel: this.qrLevel,
      });
      this.y += this.qrSide();
    }
  }

  /** Side of the printed QR in dots: the version the payload needs at the chosen level. */
  qrSide(): number {
    return qrVersionModules(this.qrData, this.qrLevel) * this.qrModule;
  }

  private barcode(symbology: number, data: readonly number[]): void {
    if (this.line.length > 0) this.printLine();
    this.mark();
    const payload = Buffer.from(data)
      .toString('latin1')
      .replace(/^\{[ABC]/, '');
    this.receipt.barcodes.push({ y: this.y, payload, symbology });
    this.y += this.barcodeHeight;
  }
}

function qrVersionModules(payload: string, level: string): number {
  try {
    return QRCode.create(payload || ' ', { errorCorrectionLevel: level as 'L' | 'M' | 'Q' | 'H' })
      .modules.size;
  } catch {
    return 21;
  }
}
