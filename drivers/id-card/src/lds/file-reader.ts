import type { ApduSender } from '../apdu/card-channel';
import { statusWordError, SW } from '../apdu/status-word';
import { IdCardError, isIdCardError } from '../errors';
import { encodeTlv, readTlv, readTlvHeader } from '../tlv/ber-tlv';
import { concat, u16 } from '../util/bytes';
import { defaultMaxFileSize, type MaxFileSize } from './file-size-limits';
import type { LdsFile } from './lds-files';
import { INS } from '../apdu/instruction';

/** JMRTD's default block: the most plain data that fits one short protected response. */
export const SHORT_READ_SIZE = 223;
/** Largest plain block we ask for with extended length (fits the 64 KiB response buffer). */
export const EXTENDED_READ_SIZE = 65_000;

export interface FileReaderOptions {
  /** Largest block per READ BINARY; above 223 needs extended length. */
  readonly maxReadSize?: number;
  /** Use short EF identifiers (READ BINARY with SFI, Part 10 §3.6.2) instead of SELECT. */
  readonly useShortFileIds?: boolean;
  /** Largest file accepted, per file, in bytes (TLV header included); see `defaultMaxFileSize`. */
  readonly maxFileSize?: MaxFileSize;
  /** Called after each block with bytes read so far and the file length. */
  readonly onBlock?: (file: LdsFile, read: number, total: number) => void;
}

/**
 * Reads LDS files the fast way: one READ BINARY of the largest block the card accepts, whose
 * first bytes give the TLV length (read-ahead), then the rest in as few blocks as possible.
 * Falls back to short reads for good if the card refuses extended length, and to SELECT when
 * the card refuses short EF identifiers.
 */
export class LdsFileReader {
  private maxReadSize: number;
  private useSfi: boolean;

  constructor(
    private readonly channel: ApduSender,
    private readonly options: FileReaderOptions = {},
  ) {
    this.maxReadSize = options.maxReadSize ?? EXTENDED_READ_SIZE;
    this.useSfi = options.useShortFileIds ?? true;
  }

  get blockSize(): number {
    return this.maxReadSize;
  }

  async readFile(file: LdsFile): Promise<Uint8Array> {
    const first = await this.readFirstBlock(file);
    let header;
    try {
      header = readTlvHeader(first);
    } catch (cause) {
      throw new IdCardError('LDS_MALFORMED', `${file.name} does not start with a TLV header`, {
        cause,
      });
    }
    if (header.tag !== file.tag) {
      throw new IdCardError(
        'LDS_MALFORMED',
        `${file.name} starts with tag ${header.tag.toString(16)}, expected ${file.tag.toString(16)}`,
      );
    }
    const total = header.headerLength + header.valueLength;
    const limit = this.options.maxFileSize?.(file) ?? defaultMaxFileSize(file);
    if (total > limit) {
      throw new IdCardError(
        'LDS_FILE_TOO_LARGE',
        `${file.name} declares ${total} bytes, more than the ${limit} bytes accepted`,
      );
    }
    const blocks = [first.subarray(0, Math.min(first.length, total))];
    let read = blocks[0]?.length ?? 0;
    this.options.onBlock?.(file, read, total);
    while (read < total) {
      const block = await this.readBinary(read, Math.min(this.maxReadSize, total - read), file);
      if (block.length === 0)
        throw new IdCardError('LDS_MALFORMED', `${file.name} ends before its declared length`);
      blocks.push(block.subarray(0, total - read));
      read += block.length;
      this.options.onBlock?.(file, Math.min(read, total), total);
    }
    const bytes = concat(...blocks);
    readTlv(bytes);
    return bytes;
  }

  private async readFirstBlock(file: LdsFile): Promise<Uint8Array> {
    if (this.useSfi) {
      try {
        return await this.withFallback(() => this.readBinarySfi(file, this.maxReadSize));
      } catch (e) {
        // Some cards do not implement SFI reads (6A86/6B00/6D00): select from now on.
        if (
          !isIdCardError(e) ||
          ![
            SW.INCORRECT_P1P2,
            SW.WRONG_P1P2,
            SW.INS_NOT_SUPPORTED,
            SW.NO_PRECISE_DIAGNOSIS,
          ].includes(e.sw as never)
        )
          throw e;
        this.useSfi = false;
      }
    }
    await this.select(file);
    return this.withFallback(() => this.readBinary(0, this.maxReadSize, file));
  }

  private async withFallback(read: () => Promise<Uint8Array>): Promise<Uint8Array> {
    try {
      return await read();
    } catch (e) {
      if (
        this.maxReadSize > SHORT_READ_SIZE &&
        isIdCardError(e) &&
        (e.sw === SW.WRONG_LENGTH ||
          ((e.sw ?? 0) & 0xff00) === 0x6c00 ||
          e.sw === SW.NO_PRECISE_DIAGNOSIS)
      ) {
        this.maxReadSize = SHORT_READ_SIZE;
        return read();
      }
      throw e;
    }
  }

  async select(file: LdsFile): Promise<void> {
    const r = await this.channel.send({
      cla: 0,
      ins: INS.SELECT,
      p1: 0x02,
      p2: 0x0c,
      data: u16(file.fid),
    });
    if (r.sw !== SW.OK) throw statusWordError(r.sw, `SELECT ${file.name}`);
  }

  private async readBinarySfi(file: LdsFile, ne: number): Promise<Uint8Array> {
    const r = await this.channel.send({
      cla: 0,
      ins: INS.READ_BINARY,
      p1: 0x80 | file.sfi,
      p2: 0,
      ne,
    });
    if (r.sw !== SW.OK && r.sw !== SW.END_OF_FILE_WARNING)
      throw statusWordError(r.sw, `READ BINARY ${file.name}`);
    return r.data;
  }

  /** READ BINARY at an offset; offsets above 32767 need the odd INS B1 with DO54 (ISO 7816-4 §11.3.3). */
  private async readBinary(offset: number, ne: number, file: LdsFile): Promise<Uint8Array> {
    if (offset <= 0x7fff) {
      const r = await this.channel.send({
        cla: 0,
        ins: INS.READ_BINARY,
        p1: offset >> 8,
        p2: offset & 0xff,
        ne,
      });
      if (r.sw !== SW.OK && r.sw !== SW.END_OF_FILE_WARNING)
        throw statusWordError(r.sw, `READ BINARY ${file.name}`);
      return r.data;
    }
    const offsetBytes = Uint8Array.of((offset >> 16) & 0xff, (offset >> 8) & 0xff, offset & 0xff);
    const r = await this.channel.send({
      cla: 0,
      ins: INS.READ_BINARY_ODD,
      p1: 0,
      p2: 0,
      data: encodeTlv(0x54, offsetBytes),
      ne: Math.min(ne + 4, 65536),
    });
    if (r.sw !== SW.OK && r.sw !== SW.END_OF_FILE_WARNING)
      throw statusWordError(r.sw, `READ BINARY ${file.name}`);
    return readTlv(r.data).value;
  }
}
