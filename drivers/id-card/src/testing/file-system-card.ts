/**
 * In-memory twin of a card's file system at the APDU level, for unit tests of the LDS file
 * reader without pcscd. It answers SELECT by file identifier (ISO 7816-4 §11.1.1, P1 02) and
 * READ BINARY as ISO 7816-4 §11.3.3 describes it: offset in P1-P2, a short EF identifier in P1
 * (b8 set, offset in P2), or the odd INS B1 with the offset in DO54 and the data in DO53. Its
 * byte encodings are written here by hand so that none of the reader's codecs judges the reader.
 * Every command it receives is recorded; `answer` lets a test replace the card's answer.
 */
import type { ApduSender } from '../apdu/card-channel';
import type { CommandApdu } from '../apdu/command-apdu';
import type { ResponseApdu } from '../apdu/response-apdu';

/** One elementary file: its file identifier, short EF identifier and content. */
export interface CardFile {
  readonly fid: number;
  readonly sfi: number;
  readonly bytes: Uint8Array;
}

/** What the card answers on its own; a hook may answer otherwise (return undefined to pass). */
export type AnswerHook = (command: CommandApdu, index: number) => ResponseApdu | undefined;

export interface FileSystemCardOptions {
  /** Status word for any command with Ne above 256 (a card without extended length). */
  readonly refuseExtendedLengthWith?: number;
  /** Status word for READ BINARY with a short EF identifier (a card without SFI reads). */
  readonly refuseShortFileIdsWith?: number;
  /** Bytes of the file sent beyond Ne in every READ BINARY answer (a card that ignores Le). */
  readonly ignoresNeBy?: number;
  readonly answer?: AnswerHook;
}

const OK = 0x9000;
const END_OF_FILE = 0x6282;
const FILE_NOT_FOUND = 0x6a82;
const NO_CURRENT_EF = 0x6986;
const OFFSET_OUTSIDE = 0x6b00;
const WRONG_DATA = 0x6a80;

const reply = (sw: number, data: Uint8Array = new Uint8Array(0)): ResponseApdu => ({ data, sw });

/** DER length octets (X.690 §8.1.3). */
function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

export class FileSystemCard implements ApduSender {
  readonly commands: CommandApdu[] = [];
  private current: CardFile | undefined;

  constructor(
    private readonly files: readonly CardFile[],
    private readonly options: FileSystemCardOptions = {},
  ) {}

  send(command: CommandApdu): Promise<ResponseApdu> {
    this.commands.push(command);
    const hooked = this.options.answer?.(command, this.commands.length - 1);
    return Promise.resolve(hooked ?? this.process(command));
  }

  private process(command: CommandApdu): ResponseApdu {
    const refusal = this.options.refuseExtendedLengthWith;
    if (refusal !== undefined && (command.ne ?? 0) > 256) return reply(refusal);
    if (command.ins === 0xa4) return this.select(command);
    if (command.ins === 0xb0 && (command.p1 & 0x80) !== 0) return this.readBySfi(command);
    if (command.ins === 0xb0) return this.read(((command.p1 & 0x7f) << 8) | command.p2, command);
    if (command.ins === 0xb1) return this.readOdd(command);
    return reply(0x6d00);
  }

  private select(command: CommandApdu): ResponseApdu {
    const data = command.data ?? new Uint8Array(0);
    if (command.p1 !== 0x02 || data.length !== 2) return reply(0x6a86);
    const fid = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    this.current = this.files.find((f) => f.fid === fid);
    return reply(this.current ? OK : FILE_NOT_FOUND);
  }

  private readBySfi(command: CommandApdu): ResponseApdu {
    const refusal = this.options.refuseShortFileIdsWith;
    if (refusal !== undefined) return reply(refusal);
    this.current = this.files.find((f) => f.sfi === (command.p1 & 0x1f));
    if (!this.current) return reply(FILE_NOT_FOUND);
    return this.read(command.p2, command);
  }

  private readOdd(command: CommandApdu): ResponseApdu {
    const data = command.data ?? new Uint8Array(0);
    if (data[0] !== 0x54 || data[1] !== data.length - 2) return reply(WRONG_DATA);
    const offset = [...data.subarray(2)].reduce((n, b) => n * 256 + b, 0);
    // The answer is DO53 around the data; Ne counts its tag and length too.
    const ne = command.ne ?? 256;
    const room = ne - 1 - lengthOctets(ne).length;
    const plain = this.read(offset, { ...command, ne: room });
    if (plain.sw !== OK && plain.sw !== END_OF_FILE) return plain;
    const body = plain.data;
    return reply(plain.sw, Uint8Array.from([0x53, ...lengthOctets(body.length), ...body]));
  }

  /** Ne bytes from `offset`; fewer with 6282 at the end of the file (ISO 7816-4 §5.6). */
  private read(offset: number, command: CommandApdu): ResponseApdu {
    const file = this.current;
    if (!file) return reply(NO_CURRENT_EF);
    if (offset > file.bytes.length) return reply(OFFSET_OUTSIDE);
    const ne = command.ne ?? 256;
    const data = file.bytes.slice(offset, offset + ne + (this.options.ignoresNeBy ?? 0));
    return reply(data.length < ne ? END_OF_FILE : OK, data);
  }
}
