import { createServer, type Server, type Socket } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import {
  encodeAsb,
  encodeProcessIdResponse,
  encodeRealtime,
  type PrinterStatus,
  type RealtimeKind,
} from '@kiosk/printer';
import type { DecodedReceipt } from './decoded-receipt';
import { EscPosDecoder } from './escpos-decoder';
import { receiptToPng } from './receipt-png';

export interface VirtualPrinterState {
  readonly paper: 'ok' | 'near-end' | 'out';
  readonly coverOpen: boolean;
  readonly online: boolean;
  readonly cutterError: boolean;
  /** Custom kiosk printers: the last ticket is still in the presenter. */
  readonly ticketInPresenter: boolean;
}

export interface VirtualPrinterOptions {
  /** TCP port to listen on (0 = any free port); omit for no TCP. */
  readonly tcpPort?: number;
  readonly host?: string;
  /** A tty to serve (one end of a pty pair, see createPtyPair); omit for none. */
  readonly ptyPath?: string;
  /** Where receipt-NNNN.png / .json are written; omit to keep receipts in memory only. */
  readonly outDir?: string;
  readonly state?: Partial<VirtualPrinterState>;
  /** Printable width in dots, for the PNG (576 = 80 mm). */
  readonly widthDots?: number;
  /** Stop reading (as a stalled printer with a full buffer does): for timeout tests. */
  readonly stalled?: boolean;
  /**
   * Hold process ID responses (`GS ( H` fn 48) until `completePrinting()`, as a mechanism that
   * is still printing: lets a test break the link between receiving a slip and finishing it.
   */
  readonly holdCompletion?: boolean;
}

export interface PrintedReceipt extends DecodedReceipt {
  readonly index: number;
  readonly via: 'tcp' | 'pty';
  readonly pngFile?: string;
  readonly jsonFile?: string;
  readonly png: Buffer;
}

export interface VirtualPrinter {
  /** The TCP port actually listened on. */
  readonly port: number | undefined;
  readonly state: VirtualPrinterState;
  /** Changes the state; connections with ASB enabled are told at once, as a printer does. */
  setState(patch: Partial<VirtualPrinterState>): void;
  readonly receipts: readonly PrintedReceipt[];
  /** Resolves with receipt number `index` (0-based; default: the next one) once it is cut. */
  waitForReceipt(index?: number): Promise<PrintedReceipt>;
  /** Number of DLE EOT requests answered. */
  readonly statusRequests: number;
  /** Makes every reply carry these bytes first (garbage on the status line). */
  injectNoise(bytes: readonly number[]): void;
  /**
   * Finishes the slips held by `holdCompletion`: their process ID responses go to the connection
   * that asked, or — if it is gone — the latest is kept and sent first on the next connection
   * (Epson keeps an untransmitted process ID response until the host can receive it).
   */
  completePrinting(): void;
  /** Resolves once no TCP connection is open (the host has gone). */
  waitForNoConnection(): Promise<void>;
  close(): Promise<void>;
}

const READY: VirtualPrinterState = {
  paper: 'ok',
  coverOpen: false,
  online: true,
  cutterError: false,
  ticketInPresenter: false,
};

interface Channel {
  readonly via: 'tcp' | 'pty';
  write(bytes: Uint8Array): void;
  asb: boolean;
  readonly decoder: EscPosDecoder;
}

/**
 * A receipt printer you can print to over TCP (port 9100 style) and/or a pty: it interprets the
 * ESC/POS stream, answers status requests from a state tests can change, and keeps every receipt
 * as decoded data plus a PNG.
 *
 * @example
 * const vp = await startVirtualPrinter({ tcpPort: 0, outDir: tmp });
 * // print to tcp://127.0.0.1:${vp.port}
 * const receipt = await vp.waitForReceipt();
 */
export async function startVirtualPrinter(
  options: VirtualPrinterOptions = {},
): Promise<VirtualPrinter> {
  let state: VirtualPrinterState = { ...READY, ...options.state };
  const widthDots = options.widthDots ?? 576;
  const receipts: PrintedReceipt[] = [];
  const waiters: { index: number; resolve: (r: PrintedReceipt) => void }[] = [];
  const channels = new Set<Channel>();
  let statusRequests = 0;
  let noise: number[] = [];
  const heldProcessIds: { ch: Channel; id: string }[] = [];
  let untransmittedProcessId: string | undefined;
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  let writes = Promise.resolve();

  const status = (): PrinterStatus => ({
    online: state.online && !state.coverOpen && state.paper !== 'out',
    paper: state.paper,
    coverOpen: state.coverOpen,
    cutterError: state.cutterError,
    otherError: false,
    extra: [],
  });

  const keep = (receipt: DecodedReceipt, via: 'tcp' | 'pty'): void => {
    const index = receipts.length;
    const png = receiptToPng(receipt, widthDots);
    const base = `receipt-${String(index + 1).padStart(4, '0')}`;
    const printed: PrintedReceipt = {
      ...receipt,
      index,
      via,
      png,
      ...(options.outDir
        ? {
            pngFile: join(options.outDir, `${base}.png`),
            jsonFile: join(options.outDir, `${base}.json`),
          }
        : {}),
    };
    receipts.push(printed);
    if (options.outDir) {
      const dir = options.outDir;
      const summary = {
        index,
        via,
        text: receipt.lines.map((l) => l.text),
        lines: receipt.lines,
        qrCodes: receipt.qrCodes,
        barcodes: receipt.barcodes,
        images: receipt.images.map(({ y, width, height, align }) => ({ y, width, height, align })),
        cuts: receipt.cuts,
        height: receipt.height,
        bytes: receipt.bytes,
        incomplete: receipt.incomplete,
        unknown: receipt.unknown,
      };
      writes = writes
        .then(() => writeFile(join(dir, `${base}.png`), png))
        .then(() => writeFile(join(dir, `${base}.json`), `${JSON.stringify(summary, null, 2)}\n`));
    }
    for (const w of waiters.filter((x) => x.index === index)) w.resolve(printed);
  };

  const reply = (ch: Channel, bytes: number[]): void => {
    ch.write(Uint8Array.from([...noise, ...bytes]));
  };

  const attach = (via: 'tcp' | 'pty', write: (bytes: Uint8Array) => void): Channel => {
    const decoder = new EscPosDecoder();
    decoder.canPrint = () => state.online && !state.coverOpen && state.paper !== 'out';
    const ch: Channel = { via, write, asb: false, decoder };
    channels.add(ch);
    return ch;
  };

  const onBytes = (ch: Channel, chunk: Uint8Array): void => {
    for (const action of ch.decoder.feed(chunk)) {
      switch (action.kind) {
        case 'realtime-status': {
          statusRequests += 1;
          if (action.n >= 1 && action.n <= 4)
            reply(ch, [encodeRealtime(action.n as RealtimeKind, status())]);
          else if (action.n === 0x14) {
            // Custom "transmit full status": DLE 0x0F, paper, user, recoverable, unrecoverable
            const s = state;
            reply(ch, [
              0x10,
              0x0f,
              (s.paper === 'out' ? 0x01 : 0) |
                (s.paper === 'near-end' ? 0x04 : 0) |
                (s.ticketInPresenter ? 0x20 : 0),
              s.coverOpen ? 0x01 : 0,
              0,
              s.cutterError ? 0x01 : 0,
            ]);
          }
          break;
        }
        case 'asb':
          ch.asb = action.enabled;
          if (ch.asb) reply(ch, encodeAsb(status()));
          break;
        case 'transmit-status':
          reply(ch, [state.paper === 'out' ? 0x0c : state.paper === 'near-end' ? 0x03 : 0]);
          break;
        case 'receipt':
          keep(action.receipt, ch.via);
          break;
        case 'process-id':
          // Data received while the printer could not print was not printed: no response.
          if (!ch.decoder.canPrint()) break;
          if (options.holdCompletion) heldProcessIds.push({ ch, id: action.id });
          else reply(ch, [...encodeProcessIdResponse(action.id)]);
          break;
      }
    }
  };

  const closeChannel = (ch: Channel): void => {
    channels.delete(ch);
    const rest = ch.decoder.flush();
    if (rest) keep(rest, ch.via);
  };

  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const noConnectionWaiters: (() => void)[] = [];
  let port: number | undefined;
  if (options.tcpPort !== undefined) {
    server = createServer((socket) => {
      sockets.add(socket);
      const ch = attach('tcp', (bytes) => socket.write(bytes));
      if (untransmittedProcessId !== undefined) {
        reply(ch, [...encodeProcessIdResponse(untransmittedProcessId)]);
        untransmittedProcessId = undefined;
      }
      if (options.stalled) socket.pause();
      socket.on('data', (chunk: Buffer) => onBytes(ch, new Uint8Array(chunk)));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        closeChannel(ch);
        if (sockets.size === 0) for (const w of noConnectionWaiters.splice(0)) w();
      });
    });
    const srv = server;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(options.tcpPort, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = srv.address();
    port = typeof address === 'object' && address ? address.port : undefined;
  }

  let serial: SerialPort | undefined;
  let serialChannel: Channel | undefined;
  if (options.ptyPath) {
    const sp = new SerialPort({
      path: options.ptyPath,
      baudRate: 115200,
      autoOpen: false,
      hupcl: false,
    });
    await new Promise<void>((resolve, reject) => sp.open((e) => (e ? reject(e) : resolve())));
    serial = sp;
    const ch = attach('pty', (bytes) => sp.write(Buffer.from(bytes)));
    serialChannel = ch;
    sp.on('data', (chunk: Buffer) => onBytes(ch, new Uint8Array(chunk)));
    sp.on('error', () => undefined);
  }

  return {
    get port() {
      return port;
    },
    get state() {
      return state;
    },
    setState(patch) {
      state = { ...state, ...patch };
      for (const ch of channels) if (ch.asb) reply(ch, encodeAsb(status()));
    },
    get receipts() {
      return receipts;
    },
    waitForReceipt(index = receipts.length) {
      const done = receipts[index];
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.push({ index, resolve }));
    },
    get statusRequests() {
      return statusRequests;
    },
    injectNoise(bytes) {
      noise = [...bytes];
    },
    waitForNoConnection() {
      if (sockets.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => noConnectionWaiters.push(resolve));
    },
    completePrinting() {
      for (const { ch, id } of heldProcessIds.splice(0)) {
        if (channels.has(ch)) reply(ch, [...encodeProcessIdResponse(id)]);
        else untransmittedProcessId = id;
      }
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server) {
        const srv = server;
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
      if (serialChannel) closeChannel(serialChannel);
      if (serial?.isOpen) {
        const sp = serial;
        await new Promise<void>((resolve) => sp.close(() => resolve()));
      }
      await writes;
    },
  };
}
