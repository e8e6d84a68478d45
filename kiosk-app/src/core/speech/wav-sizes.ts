/**
 * espeak-ng writing to a pipe cannot seek back, so its RIFF and `data` sizes are placeholders
 * (0x7ffff000-ish). The chunk sizes are set here from the bytes actually received, so every
 * player (and a check of the file) reads the length right. RIFF/WAVE layout: Microsoft
 * Multimedia Programming Interface and Data Specifications 1.0, "RIFF WAVE".
 */
const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

export interface WavInfo {
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  /** Where the samples start, and how many bytes of them there are. */
  readonly dataOffset: number;
  readonly dataBytes: number;
}

export class WavFormatError extends Error {
  readonly code = 'WAV_FORMAT';
}

/** Reads a RIFF/WAVE file's `fmt ` and `data` chunks; the `data` chunk may run to the end. */
export function readWav(wav: Buffer): WavInfo {
  if (
    wav.length < RIFF_HEADER_BYTES ||
    wav.toString('latin1', 0, 4) !== 'RIFF' ||
    wav.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let offset = RIFF_HEADER_BYTES;
  let format: Omit<WavInfo, 'dataOffset' | 'dataBytes'> | undefined;
  while (offset + CHUNK_HEADER_BYTES <= wav.length) {
    const id = wav.toString('latin1', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + CHUNK_HEADER_BYTES;
    if (id === 'fmt ') {
      format = {
        channels: wav.readUInt16LE(body + 2),
        sampleRate: wav.readUInt32LE(body + 4),
        bitsPerSample: wav.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      return { ...format, dataOffset: body, dataBytes: Math.min(size, wav.length - body) };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('no data chunk');
}

/** The same WAV with its RIFF and `data` sizes set to what the buffer holds. */
export function withTrueSizes(wav: Buffer): Buffer {
  const info = readWav(wav);
  const fixed = Buffer.from(wav.subarray(0, info.dataOffset + info.dataBytes));
  fixed.writeUInt32LE(fixed.length - CHUNK_HEADER_BYTES, 4);
  fixed.writeUInt32LE(info.dataBytes, info.dataOffset - 4);
  return fixed;
}
